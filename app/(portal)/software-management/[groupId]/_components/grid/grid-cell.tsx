"use client";

import { clsx } from "clsx";
import { Check, Lock, X } from "lucide-react";
import { memo } from "react";
import type { AssignBlock } from "@/lib/assignments/seat-usage";
import { descriptionIds } from "./grid-model";

export type CellLabels = { pendingNew: string; pendingRevoke: string; beyondSeats: string; revokeHint: string };

type GridCellProps = {
  licenseId: string;
  userId: string;
  /** Data row index (aria-rowindex is this + 2) and column index (0 is the name column). */
  row: number;
  column: number;
  isSaved: boolean;
  /**
   * The admin's pending intention for this box, or null when it shows the saved state; "beyond" is
   * a grant that no longer fits the seats (decision 020): shown ticked and marked, it blocks Save.
   */
  pending: "grant" | "beyond" | "revoke" | null;
  /** Why an unticked box cannot be ticked (full or expired), else null. */
  block: AssignBlock;
  /** The sentence explaining the block ("All 5 seats are assigned — revoke one first"). */
  blockReason: string | null;
  /** FLOATING: this person holds one of the seats right now (R2, R5). */
  isSeatHolder: boolean;
  isTabStop: boolean;
  label: string;
  labels: CellLabels;
  onToggle: (licenseId: string, userId: string) => void;
};

/**
 * One box of the grid. R18: a saved assignment shows a check mark that turns into an X on hover
 * and focus; R16: a pending change is tinted and badged until Save. Memoised on primitive props, so
 * a tick re-renders only the boxes whose state changed.
 */
export const GridCell = memo(function GridCell(props: GridCellProps) {
  const {
    licenseId,
    userId,
    row,
    column,
    isSaved,
    pending,
    block,
    blockReason: reason,
    isSeatHolder,
    isTabStop,
    label,
    labels,
    onToggle,
  } = props;
  const isChecked = pending === null ? isSaved : pending !== "revoke";
  const isBlocked = !isChecked && block !== null;
  const describedBy = [
    pending === "grant" ? descriptionIds.pendingNew : null,
    pending === "beyond" ? descriptionIds.beyondSeats : null,
    pending === "revoke" ? descriptionIds.pendingRevoke : null,
    isBlocked ? descriptionIds.blockReason(licenseId) : null,
    isSeatHolder ? descriptionIds.holdsSeat : null,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <div
      role="gridcell"
      aria-colindex={column + 1}
      className={clsx(
        "relative flex h-full items-center justify-center border-b border-r border-slate-100",
        pending === "grant" && "bg-emerald-50",
        pending === "revoke" && "bg-amber-50",
        pending === "beyond" && "bg-red-50",
      )}
    >
      <button
        type="button"
        role="checkbox"
        aria-checked={isChecked}
        aria-disabled={isBlocked || undefined}
        aria-label={label}
        aria-describedby={describedBy || undefined}
        data-cell={`${row}:${column}`}
        tabIndex={isTabStop ? 0 : -1}
        title={
          isBlocked
            ? (reason ?? undefined)
            : isSaved && pending === null
              ? labels.revokeHint
              : pending === "beyond"
                ? labels.beyondSeats
                : undefined
        }
        onClick={() => {
          if (!isBlocked) onToggle(licenseId, userId);
        }}
        onKeyDown={(event) => {
          // Checkboxes toggle with Space only (R32); Enter stays free for the grid's Save.
          if (event.key === "Enter") event.preventDefault();
        }}
        className={clsx(
          "group/box peer flex size-7 items-center justify-center rounded-md border-2 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
          isBlocked && "cursor-not-allowed border-dashed border-slate-300 bg-slate-50 text-slate-400",
          !isBlocked && !isChecked && pending === null && "border-slate-300 bg-white hover:border-brand-600 hover:bg-brand-50",
          !isBlocked && !isChecked && pending === "revoke" && "border-amber-500 bg-white text-amber-600",
          isChecked &&
            pending === null &&
            "border-brand-600 bg-brand-600 text-white hover:border-red-700 hover:bg-red-700 focus-visible:border-red-700 focus-visible:bg-red-700",
          isChecked && pending === "grant" && "border-emerald-600 bg-emerald-600 text-white",
          pending === "beyond" && "border-red-600 bg-white text-red-600",
        )}
      >
        {isBlocked ? (
          <Lock className="size-3.5" aria-hidden="true" />
        ) : isChecked && pending === null ? (
          <>
            {/* R18: the check mark becomes an X on hover and on focus. */}
            <Check className="size-4 group-hover/box:hidden group-focus-visible/box:hidden" strokeWidth={3} aria-hidden="true" />
            <X className="hidden size-4 group-hover/box:block group-focus-visible/box:block" strokeWidth={3} aria-hidden="true" />
          </>
        ) : pending === "revoke" ? (
          <X className="size-4" strokeWidth={3} aria-hidden="true" />
        ) : isChecked ? (
          <Check className="size-4" strokeWidth={3} aria-hidden="true" />
        ) : null}
      </button>
      {pending ? (
        <span
          aria-hidden="true"
          className={clsx(
            "pointer-events-none absolute left-[calc(50%+19px)] top-1/2 -translate-y-1/2 rounded px-1 text-[10px] font-semibold uppercase leading-4 tracking-wide",
            pending === "grant"
              ? "bg-emerald-100 text-emerald-800"
              : pending === "beyond"
                ? "bg-red-100 text-red-800"
                : "bg-amber-100 text-amber-800",
          )}
        >
          {pending === "grant" ? labels.pendingNew : pending === "beyond" ? labels.beyondSeats : labels.pendingRevoke}
        </span>
      ) : null}
      {isSeatHolder ? (
        <span
          aria-hidden="true"
          className="pointer-events-none absolute left-[calc(50%+10px)] top-[calc(50%-18px)] size-2.5 rounded-full bg-emerald-500 ring-2 ring-white"
        />
      ) : null}
      {isBlocked && reason ? (
        <span
          aria-hidden="true"
          className="pointer-events-none absolute left-1/2 top-[calc(50%+18px)] z-30 hidden w-52 -translate-x-1/2 rounded-md bg-slate-900 px-2.5 py-1.5 text-center text-xs font-medium text-white shadow-lg peer-hover:block peer-focus-visible:block"
        >
          {reason}
        </span>
      ) : null}
    </div>
  );
});
