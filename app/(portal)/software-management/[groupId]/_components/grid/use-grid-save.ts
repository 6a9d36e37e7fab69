"use client";

// Save → the confirmation's summary → Yes (R16, R32), and what the grid shows afterwards: its own
// save at once (decision 008), or the refusal, reloading when the grid no longer shows the truth (R26).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useCallback, useRef, useState, useTransition, type RefObject } from "react";
import type { ActionError, ActionResult } from "@/lib/actions/action-result";
import type { AssignmentChange } from "@/lib/assignments/assignment-change";
import { MAX_CHANGES_PER_SAVE } from "@/lib/assignments/change-set-limits";
import type { PendingChanges } from "@/lib/assignments/pending-changes";
import type { ChangeSetSummary } from "@/lib/assignments/summarize-change-set";
import { saveAssignmentsAction } from "@/app/(portal)/software-management/[groupId]/actions";
import { useSummaryText } from "./confirm-save-dialog";
import type { GridNotice } from "./grid-action-bar";

/** After a stale save or a full license the grid no longer shows the truth and reads it again. */
const RELOADS_THE_GRID: ReadonlySet<ActionError["code"]> = new Set(["CONFLICT", "SEATS_EXHAUSTED"]);

export function useGridSave(options: {
  group: { id: string; version: number };
  pending: PendingChanges;
  /** Pending grants another admin's save left without a seat keep Save closed. */
  isBlocked: boolean;
  summary: ChangeSetSummary;
  clearPending: () => void;
  onSaved: (save: { version: number; changes: readonly AssignmentChange[] }) => void;
  setNotice: (notice: GridNotice | null) => void;
}): {
  isDialogOpen: boolean;
  isSaving: boolean;
  saveButtonRef: RefObject<HTMLButtonElement | null>;
  openSaveDialog: () => void;
  closeDialog: () => void;
  confirmSave: () => void;
} {
  const { group, pending, isBlocked, summary, clearPending, onSaved, setNotice } = options;
  const t = useTranslations("grid");
  const tErrors = useTranslations("errors");
  const summaryText = useSummaryText();
  const router = useRouter();
  const [isDialogOpen, setDialogOpen] = useState(false);
  const [isSaving, startSaving] = useTransition();
  const saveButtonRef = useRef<HTMLButtonElement>(null);

  // R32: Enter on a cell does what Save does — and nothing without pending changes.
  const hasPending = pending.size > 0;
  const isTooLarge = pending.size > MAX_CHANGES_PER_SAVE;
  const openSaveDialog = useCallback(() => {
    if (!hasPending || isSaving || isBlocked) return;
    // Refused here, before the server's body limit (decision 014), with the way out in the message.
    if (isTooLarge) return setNotice({ tone: "error", text: t("tooManyChanges", { max: MAX_CHANGES_PER_SAVE }) });
    setDialogOpen(true);
  }, [hasPending, isSaving, isTooLarge, isBlocked, setNotice, t]);

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
      const result = await saveAssignmentsAction({ groupId: group.id, expectedVersion: group.version, changes }).catch(
        (): ActionResult<never> => ({ ok: false, error: { code: "UNEXPECTED", message: tErrors("UNEXPECTED") } }),
      );
      startTransition(() => {
        setDialogOpen(false);
        if (result.ok) {
          onSaved({ version: result.data.version, changes });
          clearPending();
          const { granted, revoked } = result.data;
          // The notice is itself a status region (R32).
          setNotice({
            tone: "success",
            text: t("saved", { summary: summaryText({ granted, revoked, invitations: summary.invitations }) }),
          });
        } else {
          // R26: nothing is overwritten; the grid reloads and keeps the changes that still apply.
          setNotice({ tone: "error", text: result.error.message });
          if (RELOADS_THE_GRID.has(result.error.code)) router.refresh();
        }
      });
      saveButtonRef.current?.focus();
    });
  }

  return { isDialogOpen, isSaving, saveButtonRef, openSaveDialog, closeDialog, confirmSave };
}
