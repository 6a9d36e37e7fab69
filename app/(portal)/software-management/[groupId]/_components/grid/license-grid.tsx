"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import type { GridUserPage, LicenseGroupGridHead } from "@/lib/assignments/license-group-grid";
import { computeSeatUsage, pendingGrantsBeyondSeats, type SeatUsage } from "@/lib/assignments/seat-usage";
import { summarizeChangeSet } from "@/lib/assignments/summarize-change-set";
import { buttonClassName } from "@/components/ui/button";
import { ConfirmSaveDialog } from "./confirm-save-dialog";
import { GridActionBar, type GridNotice } from "./grid-action-bar";
import { GridBody } from "./grid-body";
import type { GridColumn } from "./grid-model";
import { GridToolbar } from "./grid-toolbar";
import { useGridRows } from "./use-grid-rows";
import { useGridSave } from "./use-grid-save";
import { useGridView } from "./use-grid-view";
import { useLeaveGuard } from "./use-leave-guard";
import { usePendingChanges } from "./use-pending-changes";
import { useResendInvitation } from "./use-resend-invitation";

/**
 * A license group's users × licenses (R13–R18): tick boxes, see the seat counters move, Save,
 * confirm the summary with Yes. Pending ticks survive a reload caused by another admin's save (R26).
 * The head (group, licenses, seat counts) and the first page of users come with the page; the
 * other users stream in (decision 008), and search, filter and sort work on the users loaded.
 */
export function LicenseGrid({ head, firstUserPage }: { head: LicenseGroupGridHead; firstUserPage: GridUserPage }) {
  const t = useTranslations("grid");
  const router = useRouter();
  const [notice, setNotice] = useState<GridNotice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [lastToggled, setLastToggled] = useState<string | null>(null);
  /** A notice is itself a status region (R32): the grid's live region stays quiet meanwhile. */
  const showNotice = useCallback((next: GridNotice | null) => {
    setNotice(next);
    setAnnouncement("");
  }, []);

  // R26: a page read after someone else's save reloads the grid, as a refused save does.
  const onGroupChanged = useCallback(() => {
    setNotice({ tone: "error", text: t("changedWhileLoading") });
    router.refresh();
  }, [router, t]);
  const { grid, rows, columns, seatHolders, streamStatus, isLoadingUsers, recordSave } = useGridRows({
    head,
    firstUserPage,
    onGroupChanged,
  });
  const view = useGridView({ rows, licenses: grid.licenses, locale: useLocale() });

  const { pending, toggle, clear } = usePendingChanges(grid);
  const usage = useMemo(() => computeSeatUsage(grid.licenses, pending), [grid.licenses, pending]);
  // Ticks another admin's save left without a seat are marked and keep Save closed.
  const beyondSeats = useMemo(() => pendingGrantsBeyondSeats(pending, usage), [pending, usage]);
  const registered = useMemo(() => new Map(grid.users.map((user) => [user.id, user.isRegistered])), [grid.users]);
  const summary = useMemo(() => summarizeChangeSet(pending.values(), (userId) => registered.get(userId) ?? true), [pending, registered]);
  const save = useGridSave({
    group: grid.group,
    pending,
    isBlocked: beyondSeats.size > 0,
    summary,
    clearPending: clear,
    onSaved: recordSave,
    setNotice: showNotice,
  });
  const { resend, resendingUserId } = useResendInvitation({ groupId: grid.group.id, users: grid.users, announce: setAnnouncement });
  useLeaveGuard(pending.size > 0, t("leaveConfirm"));

  const onToggle = useCallback(
    (licenseId: string, userId: string) => {
      toggle(licenseId, userId);
      setLastToggled(licenseId);
      showNotice(null);
    },
    [toggle, showNotice],
  );

  function discard() {
    clear();
    setNotice(null);
    setAnnouncement(t("announceDiscarded"));
  }

  const sortedColumn = columns.find((column) => column.license.id === view.sorting[0]?.id);
  return (
    // Zero width, full minimum: the wide grid scrolls inside its own box instead of widening the page.
    <div className="w-0 min-w-full" data-user-stream={streamStatus}>
      <GridToolbar
        query={view.query}
        onQueryChange={view.setQuery}
        filter={view.filter}
        onFilterChange={view.setFilter}
        sortColumnId={view.sortedColumnId}
        sortedLicenseLabel={sortedColumn?.label ?? null}
        onSortChange={view.sortBy}
        shown={view.visibleRows.length}
        total={rows.length}
        loading={isLoadingUsers ? { total: head.userCount } : null}
        hasFailed={streamStatus === "failed"}
      />
      <GridBody
        label={t("label", { group: grid.group.name })}
        rows={view.visibleRows}
        columns={columns}
        pending={pending}
        beyondSeats={beyondSeats}
        usage={usage}
        seatHolders={seatHolders}
        sorting={view.sorting}
        onSort={view.toggleSort}
        onToggle={onToggle}
        onEnter={save.openSaveDialog}
        onResend={resend}
        resendingUserId={resendingUserId}
        emptyState={<NoResults groupId={grid.group.id} query={view.deferredQuery.trim()} />}
      />
      <GridActionBar
        pendingCount={pending.size}
        isSaving={save.isSaving}
        notice={notice}
        saveBlockedBy={beyondSeats.size > 0 ? t("beyondSeatsNotice", { count: beyondSeats.size }) : null}
        onDiscard={discard}
        onSave={save.openSaveDialog}
        saveButtonRef={save.saveButtonRef}
      />
      <ConfirmSaveDialog
        isOpen={save.isDialogOpen}
        summary={summary}
        isSaving={save.isSaving}
        onConfirm={save.confirmSave}
        onClose={save.closeDialog}
      />
      <p role="status" aria-live="polite" className="sr-only">
        {announcement || <CounterAnnouncement column={columns.find((column) => column.license.id === lastToggled)} usage={usage} />}
      </p>
    </div>
  );
}

/** The live region speaks the seat counter of the column just ticked (R32). */
function CounterAnnouncement({ column, usage }: { column: GridColumn | undefined; usage: ReadonlyMap<string, SeatUsage> }) {
  const t = useTranslations("grid");
  const seats = column && usage.get(column.license.id);
  if (!column || !seats) return null;
  return seats.countsAgainstSeats
    ? t("announceSeats", { license: column.label, assigned: seats.assigned, seats: seats.seats })
    : t("announceFloating", { license: column.label, assigned: seats.assigned });
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
