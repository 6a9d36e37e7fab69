"use client";

import { clsx } from "clsx";
import { RotateCw } from "lucide-react";
import { memo } from "react";
import type { PendingChanges } from "@/lib/assignments/pending-changes";
import { pairKey } from "@/lib/assignments/assignment-change";
import { assignBlock, type SeatUsage } from "@/lib/assignments/seat-usage";
import { GridCell, type CellLabels } from "./grid-cell";
import { NAME_COLUMN_WIDTH, ROW_HEIGHT, type GridColumn, type GridRowData } from "./grid-model";

export type RowLabels = CellLabels & {
  fullReason: (seats: number) => string;
  expiredReason: string;
  invitationSent: string;
  invitationFailed: string;
  notRegistered: string;
  resend: string;
  resending: string;
  assignLabel: (license: string, user: string) => string;
};

type GridRowProps = {
  data: GridRowData;
  row: number;
  columns: GridColumn[];
  templateColumns: string;
  pending: PendingChanges;
  beyondSeats: ReadonlySet<string>;
  usage: Map<string, SeatUsage>;
  /** FLOATING license id → user ids holding a seat now. */
  seatHolders: Map<string, Set<string>>;
  /** The column of this row that is the grid's tab stop, or null. */
  tabStopColumn: number | null;
  labels: RowLabels;
  onToggle: (licenseId: string, userId: string) => void;
  isResending: boolean;
  onResend: (userId: string) => void;
};

/** One user of the grid: the sticky name cell (R13, R17 label) and a box per license. */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const {
    data,
    row,
    columns,
    templateColumns,
    pending,
    beyondSeats,
    usage,
    seatHolders,
    tabStopColumn,
    labels,
    onToggle,
    isResending,
    onResend,
  } = props;
  const { user } = data;
  // R17: unregistered assignees carry the invitation label; a failed delivery says so instead, and
  // a contact who was never sent one is marked as not registered yet.
  const invitationLabel = user.isRegistered
    ? null
    : !user.invitation
      ? labels.notRegistered
      : user.invitation.status === "FAILED"
        ? labels.invitationFailed
        : labels.invitationSent;

  return (
    // Each row is its own stacking context (contain: layout); the row under the pointer or focus is
    // raised, so a locked box's tooltip is drawn over the next row, not under it.
    <div
      role="row"
      aria-rowindex={row + 2}
      className="group/row relative grid hover:z-[15] focus-within:z-[15]"
      style={{ gridTemplateColumns: templateColumns, height: ROW_HEIGHT, contain: "layout style" }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        data-cell={`${row}:0`}
        tabIndex={tabStopColumn === 0 ? 0 : -1}
        className="sticky left-0 z-10 flex min-w-0 flex-col justify-center border-b border-r border-slate-200 bg-white px-4 group-hover/row:bg-slate-50"
        style={{ width: NAME_COLUMN_WIDTH }}
      >
        <span className="flex min-w-0 items-center gap-2">
          <span className="truncate text-sm font-medium text-slate-900">{data.displayName}</span>
          {invitationLabel ? (
            <span
              className={clsx(
                "shrink-0 rounded-full px-2 py-0.5 text-[11px] font-medium leading-4",
                !user.invitation
                  ? "bg-slate-100 text-slate-600"
                  : user.invitation.status === "FAILED"
                    ? "bg-red-50 text-red-700 ring-1 ring-red-200"
                    : "bg-sky-50 text-sky-800 ring-1 ring-sky-200",
              )}
            >
              {invitationLabel}
            </span>
          ) : null}
          {user.invitation ? (
            // R17: resend next to the label. Not a tab stop of its own (the grid keeps one, R32):
            // Enter on this row header presses it (use-grid-keyboard), a click works as usual.
            <button
              type="button"
              data-cell-action=""
              tabIndex={-1}
              disabled={isResending}
              aria-label={isResending ? labels.resending : labels.resend}
              title={labels.resend}
              onClick={() => onResend(user.id)}
              className="inline-flex size-6 shrink-0 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-brand-700 disabled:cursor-wait"
            >
              <RotateCw className={clsx("size-3.5", isResending && "animate-spin")} aria-hidden="true" />
            </button>
          ) : null}
        </span>
        <span className="truncate text-xs text-slate-500">{user.email}</span>
      </div>
      {columns.map((column, index) => {
        const licenseId = column.license.id;
        const key = pairKey({ licenseId, userId: user.id });
        const change = pending.get(key);
        const block = assignBlock(column.license, usage.get(licenseId)!);
        return (
          <GridCell
            key={licenseId}
            licenseId={licenseId}
            userId={user.id}
            row={row}
            column={index + 1}
            isSaved={data.assigned.has(licenseId)}
            pending={change ? (change.assigned ? (beyondSeats.has(key) ? "beyond" : "grant") : "revoke") : null}
            block={block}
            blockReason={block === "full" ? labels.fullReason(column.license.seats) : block === "expired" ? labels.expiredReason : null}
            isSeatHolder={seatHolders.get(licenseId)?.has(user.id) ?? false}
            isTabStop={tabStopColumn === index + 1}
            label={labels.assignLabel(column.label, data.displayName)}
            labels={labels}
            onToggle={onToggle}
          />
        );
      })}
    </div>
  );
});
