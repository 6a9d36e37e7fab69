"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import type { ChangeSetSummary } from "@/lib/assignments/summarize-change-set";
import { Button, buttonClassName } from "@/components/ui/button";

type ConfirmSaveDialogProps = {
  isOpen: boolean;
  summary: ChangeSetSummary;
  isSaving: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** "1 new assigned license, 2 revoked; 1 invitation will be sent" (R16, R17). */
export function useSummaryText() {
  const t = useTranslations("grid");
  return (summary: ChangeSetSummary): string => {
    const changes = [
      summary.granted > 0 ? t("summaryGranted", { count: summary.granted }) : null,
      summary.revoked > 0 ? t("summaryRevoked", { count: summary.revoked }) : null,
    ].filter(Boolean);
    const invitations = summary.invitations > 0 ? `; ${t("summaryInvitations", { count: summary.invitations })}` : "";
    return `${changes.join(", ")}${invitations}`;
  };
}

/**
 * R16's confirmation with Yes. A native modal <dialog> (R32): showModal() makes the page inert so
 * focus stays inside, Escape closes it, and focus goes back to Save (the caller's onClose).
 */
export function ConfirmSaveDialog({ isOpen, summary, isSaving, onConfirm, onClose }: ConfirmSaveDialogProps) {
  const t = useTranslations("grid");
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const summaryText = useSummaryText()(summary);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      dialog.showModal();
      yesRef.current?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
    }
  }, [isOpen]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
      onClose={(event) => {
        // The "close" event is queued as a task: when Escape is followed quickly by Save (or Enter
        // in the grid), it arrives after the dialog reopened and must not close it again.
        if (!event.currentTarget.open) onClose();
      }}
      onCancel={(event) => {
        // Escape closes, but not while the save is on its way.
        if (isSaving) {
          event.preventDefault();
          return;
        }
        // Tell the grid now, in the key event itself: the "close" event follows as a separate
        // task, and a Save pressed before it arrives would find the dialog still "open".
        onClose();
      }}
      className="m-auto w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-[1px]"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("confirmTitle")}
      </h2>
      <p id={`${id}-summary`} className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-200">
        {summaryText}
      </p>
      <p className="mt-3 text-sm text-slate-600">{t("confirmQuestion")}</p>
      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={isSaving}>
          {t("cancel")}
        </Button>
        <button ref={yesRef} type="button" onClick={onConfirm} disabled={isSaving} className={buttonClassName("primary")}>
          {isSaving ? t("saving") : t("yes")}
        </button>
      </div>
    </dialog>
  );
}
