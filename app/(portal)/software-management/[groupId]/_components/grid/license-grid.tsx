"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { startTransition, useCallback, useDeferredValue, useMemo, useRef, useState, useTransition } from "react";
import type { ActionError, ActionResult } from "@/lib/actions/action-result";
import { MAX_CHANGES_PER_SAVE } from "@/lib/assignments/change-set-limits";
import type { AssignmentFilter } from "@/lib/assignments/grid-filters";
import type { GridUserPage, LicenseGroupGridHead } from "@/lib/assignments/license-group-grid";
import { computeSeatUsage, pendingGrantsBeyondSeats } from "@/lib/assignments/seat-usage";
import { summarizeChangeSet } from "@/lib/assignments/summarize-change-set";
import { saveAssignmentsAction } from "@/app/(portal)/software-management/[groupId]/actions";
import { resendInvitationAction } from "@/app/(portal)/software-management/[groupId]/invitations/actions";
import { buttonClassName } from "@/components/ui/button";
import { ConfirmSaveDialog, useSummaryText } from "./confirm-save-dialog";
import { GridActionBar, type GridNotice } from "./grid-action-bar";
import { GridBody } from "./grid-body";
import { buildGridColumns, withSavedChanges, type SavedChanges } from "./grid-model";
import { GridToolbar } from "./grid-toolbar";
import { useGridTable, NAME_COLUMN_ID, type GridSorting } from "./use-grid-table";
import { useLeaveGuard } from "./use-leave-guard";
import { usePendingChanges } from "./use-pending-changes";
import { useStreamedUsers } from "./use-streamed-users";

/** R25/R26: after a stale save or a full license the grid no longer shows the truth and reads it again. */
const RELOADS_THE_GRID: ReadonlySet<ActionError["code"]> = new Set(["CONFLICT", "SEATS_EXHAUSTED"]);

/**
 * A license group's users × licenses (R13–R18): tick boxes, see the seat counters move, Save,
 * confirm the summary with Yes. Pending ticks survive a reload caused by another admin's save (R26).
 * The head (group, licenses, seat counts) and the first page of users come with the page; the
 * other users stream in (decision 008), and search, filter and sort work on the users loaded.
 */
export function LicenseGrid({ head, firstUserPage }: { head: LicenseGroupGridHead; firstUserPage: GridUserPage }) {
  const t = useTranslations("grid");
  const tErrors = useTranslations("errors");
  const tInvitations = useTranslations("invitations");
  const tType = useTranslations("licenseType");
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const [notice, setNotice] = useState<GridNotice | null>(null);

  // R26: a page read after someone else's save reloads the grid, as a refused save does.
  const onGroupChanged = useCallback(() => {
    setNotice({ tone: "error", text: t("changedWhileLoading") });
    router.refresh();
  }, [router, t]);
  const stream = useStreamedUsers({ firstPage: firstUserPage, version: head.group.version, onGroupChanged });
  const [ownSaves, setOwnSaves] = useState<readonly SavedChanges[]>([]);
  const rows = useMemo(() => withSavedChanges(stream.rows, ownSaves), [stream.rows, ownSaves]);
  const users = useMemo(() => rows.map((row) => row.user), [rows]);
  const grid = useMemo(() => ({ group: head.group, licenses: head.licenses, users }), [head.group, head.licenses, users]);
  const isLoadingUsers = (stream.status === "loading" || stream.status === "changed") && rows.length < head.userCount;

  const columns = useMemo(
    () =>
      buildGridColumns(grid.licenses, {
        type: (license) => tType(license.type),
        term: (license) => t("columnTerm", { until: format.dateTime(new Date(license.validUntil), { dateStyle: "medium" }) }),
      }),
    [grid.licenses, tType, t, format],
  );
  const registered = useMemo(() => new Map(grid.users.map((user) => [user.id, user.isRegistered])), [grid.users]);
  const seatHolders = useMemo(
    () => new Map(grid.licenses.map((license) => [license.id, new Set(license.seatHolders.map((holder) => holder.userId))])),
    [grid.licenses],
  );

  // A link to a colleague (…?q=<email>, from Add user) opens the grid searched for them.
  const searchParams = useSearchParams();
  const [query, setQuery] = useState(() => searchParams.get("q")?.slice(0, 200) ?? "");
  const [filter, setFilter] = useState<AssignmentFilter>("all");
  const [sorting, setSorting] = useState<GridSorting>([{ id: NAME_COLUMN_ID, desc: false }]);
  // Typing stays responsive with 10,000 rows: the row model follows the query a frame later.
  const deferredQuery = useDeferredValue(query);
  const filterValue = useMemo(() => ({ query: deferredQuery, filter }), [deferredQuery, filter]);
  const visibleRows = useGridTable({ rows, licenses: grid.licenses, locale, filter: filterValue, sorting });

  const { pending, toggle, clear } = usePendingChanges(grid);
  const usage = useMemo(() => computeSeatUsage(grid.licenses, pending), [grid.licenses, pending]);
  // Ticks another admin's save left without a seat are marked and keep Save closed.
  const beyondSeats = useMemo(() => pendingGrantsBeyondSeats(pending, usage), [pending, usage]);
  const summary = useMemo(() => summarizeChangeSet(pending.values(), (userId) => registered.get(userId) ?? true), [pending, registered]);
  const summaryText = useSummaryText();

  const [announcement, setAnnouncement] = useState("");
  const [lastToggled, setLastToggled] = useState<string | null>(null);
  const [isDialogOpen, setDialogOpen] = useState(false);
  const [isSaving, startSaving] = useTransition();
  const saveButtonRef = useRef<HTMLButtonElement>(null);
  const [resendingUserId, setResendingUserId] = useState<string | null>(null);

  useLeaveGuard(pending.size > 0, t("leaveConfirm"));

  const onToggle = useCallback(
    (licenseId: string, userId: string) => {
      toggle(licenseId, userId);
      setLastToggled(licenseId);
      setAnnouncement("");
      setNotice(null);
    },
    [toggle],
  );

  const hasPending = pending.size > 0;
  // R32: Enter on a cell does what Save does — and nothing without pending changes.
  const isTooLarge = pending.size > MAX_CHANGES_PER_SAVE;
  const openSaveDialog = useCallback(() => {
    if (!hasPending || isSaving || beyondSeats.size > 0) return;
    // Refused here, before the server's body limit (decision 014), with the way out in the message.
    if (isTooLarge) return setNotice({ tone: "error", text: t("tooManyChanges", { max: MAX_CHANGES_PER_SAVE }) });
    setDialogOpen(true);
  }, [hasPending, isSaving, isTooLarge, beyondSeats, t]);

  // R17: the result is spoken by the grid's status region; the row's label follows on refresh.
  const groupId = grid.group.id;
  const emails = useMemo(() => new Map(grid.users.map((user) => [user.id, user.email])), [grid.users]);
  const onResend = useCallback(
    (userId: string) => {
      setResendingUserId(userId);
      setAnnouncement(tInvitations("resending"));
      void resendInvitationAction({ groupId, userId }).then((result) => {
        setResendingUserId(null);
        setAnnouncement(result.ok ? tInvitations("resent", { email: emails.get(userId) ?? "" }) : result.error.message);
      });
    },
    [groupId, emails, tInvitations],
  );

  const onSort = useCallback((columnId: string) => {
    setSorting(([current]) => [{ id: columnId, desc: current?.id === columnId ? !current.desc : false }]);
  }, []);

  function discard() {
    clear();
    setNotice(null);
    setAnnouncement(t("announceDiscarded"));
  }

  function closeDialog() {
    setDialogOpen(false);
    // Focus goes back to Save (R32) — unless the person has already moved on: the dialog's
    // "close" event can arrive after they focused something else, and must not pull focus back.
    const active = document.activeElement;
    if (!active || active === document.body || active.closest("dialog")) saveButtonRef.current?.focus();
  }

  function confirmSave() {
    const changes = [...pending.values()];
    startSaving(async () => {
      // A failed request (network, a server refusing the body) leaves the pending changes as they are.
      const result = await saveAssignmentsAction({ groupId: grid.group.id, expectedVersion: grid.group.version, changes }).catch(
        (): ActionResult<never> => ({ ok: false, error: { code: "UNEXPECTED", message: tErrors("UNEXPECTED") } }),
      );
      startTransition(() => {
        setDialogOpen(false);
        if (result.ok) {
          // Rows not read again yet show this save until they are (decision 008).
          const isComplete = stream.status === "complete";
          setOwnSaves((saves) => [...saves.filter((save) => !isComplete || save.version > head.group.version), { version: result.data.version, changes }]);
          clear();
          const text = t("saved", { summary: summaryText({ granted: result.data.granted, revoked: result.data.revoked, invitations: summary.invitations }) });
          // The notice is itself a status region (R32); the counter's live region stays quiet.
          setNotice({ tone: "success", text });
          setAnnouncement("");
        } else {
          // R26: nothing is overwritten; the grid reloads and keeps the changes that still apply.
          setNotice({ tone: "error", text: result.error.message });
          setAnnouncement("");
          if (RELOADS_THE_GRID.has(result.error.code)) router.refresh();
        }
      });
      saveButtonRef.current?.focus();
    });
  }

  // The live region speaks the seat counter of the column just ticked (R32).
  const toggledColumn = lastToggled ? columns.find((column) => column.license.id === lastToggled) : undefined;
  const toggledUsage = toggledColumn ? usage.get(toggledColumn.license.id) : undefined;
  const counterAnnouncement =
    toggledColumn && toggledUsage
      ? toggledUsage.countsAgainstSeats
        ? t("announceSeats", { license: toggledColumn.label, assigned: toggledUsage.assigned, seats: toggledUsage.seats })
        : t("announceFloating", { license: toggledColumn.label, assigned: toggledUsage.assigned })
      : "";
  const sortedColumn = columns.find((column) => column.license.id === sorting[0]?.id);

  return (
    // Zero width, full minimum: the wide grid scrolls inside its own box instead of widening the page.
    <div className="w-0 min-w-full" data-user-stream={stream.status}>
      <GridToolbar
        query={query}
        onQueryChange={setQuery}
        filter={filter}
        onFilterChange={setFilter}
        sortColumnId={sorting[0]?.id ?? NAME_COLUMN_ID}
        sortedLicenseLabel={sortedColumn?.label ?? null}
        onSortChange={(columnId) => setSorting([{ id: columnId, desc: false }])}
        shown={visibleRows.length}
        total={rows.length}
        loading={isLoadingUsers ? { total: head.userCount } : null}
        hasFailed={stream.status === "failed"}
      />
      <GridBody
        label={t("label", { group: grid.group.name })}
        rows={visibleRows}
        columns={columns}
        pending={pending}
        beyondSeats={beyondSeats}
        usage={usage}
        seatHolders={seatHolders}
        sorting={sorting}
        onSort={onSort}
        onToggle={onToggle}
        onEnter={openSaveDialog}
        onResend={onResend}
        resendingUserId={resendingUserId}
        emptyState={<NoResults groupId={grid.group.id} query={deferredQuery.trim()} />}
      />
      <GridActionBar
        pendingCount={pending.size}
        isSaving={isSaving}
        notice={notice}
        saveBlockedBy={beyondSeats.size > 0 ? t("beyondSeatsNotice", { count: beyondSeats.size }) : null}
        onDiscard={discard}
        onSave={openSaveDialog}
        saveButtonRef={saveButtonRef}
      />
      <ConfirmSaveDialog isOpen={isDialogOpen} summary={summary} isSaving={isSaving} onConfirm={confirmSave} onClose={closeDialog} />
      <p role="status" aria-live="polite" className="sr-only">
        {announcement || counterAnnouncement}
      </p>
    </div>
  );
}


/** Nobody matches; what was searched for can be added as a user right here. */
function NoResults({ groupId, query }: { groupId: string; query: string }) {
  const t = useTranslations("grid");
  if (query === "") return <p>{t("noResults")}</p>;
  const href = `/software-management/${groupId}/add-user${query.includes("@") ? `?email=${encodeURIComponent(query)}` : ""}`;
  return (
    <div className="space-y-3">
      <p>{t("noResultsFor", { query })}</p>
      <Link href={href} className={buttonClassName("primary")}>
        {query.includes("@") ? t("addUserFor", { query }) : t("addUser")}
      </Link>
    </div>
  );
}
