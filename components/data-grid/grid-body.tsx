"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useRef } from "react";
import type { PendingChanges } from "@/lib/assignments/pending-changes";
import type { SeatUsage } from "@/lib/assignments/seat-usage";
import { GridHeader } from "@/components/data-grid/grid-header";
import {
  descriptionIds,
  gridTemplateColumns,
  gridWidth,
  HEADER_HEIGHT,
  NAME_COLUMN_WIDTH,
  ROW_HEIGHT,
  type GridColumn,
  type GridRowData,
} from "@/components/data-grid/grid-model";
import { GridRow, type RowLabels } from "@/components/data-grid/grid-row";
import { useGridKeyboard } from "@/components/data-grid/use-grid-keyboard";
import type { GridSorting } from "@/components/data-grid/use-grid-table";

type GridBodyProps = {
  label: string;
  /** The filtered and sorted rows of TanStack Table's row model. */
  rows: readonly { id: string; original: GridRowData }[];
  columns: GridColumn[];
  pending: PendingChanges;
  usage: Map<string, SeatUsage>;
  seatHolders: Map<string, Set<string>>;
  sorting: GridSorting;
  onSort: (columnId: string) => void;
  onToggle: (licenseId: string, userId: string) => void;
  /** Enter on a data cell: open the Save confirmation (R32). */
  onEnter: () => void;
  onResend: (userId: string) => void;
  /** The user whose invitation is being resent right now, or null. */
  resendingUserId: string | null;
};

const OVERSCAN = 8;

/**
 * The user × license grid (R13, R32): an ARIA grid whose rows are virtualised (only the rows in
 * view are in the DOM; aria-rowcount and aria-rowindex tell assistive technology the full size),
 * with a sticky header row and a sticky name column.
 */
export function GridBody(props: GridBodyProps) {
  const { label, rows, columns, pending, usage, seatHolders, sorting, onSort, onToggle, onEnter, onResend, resendingUserId } = props;
  const t = useTranslations("grid");
  const scrollRef = useRef<HTMLDivElement>(null);
  const templateColumns = gridTemplateColumns(columns.length);

  // TanStack Virtual returns a mutable instance; this component re-renders on its scroll updates,
  // which is exactly what it needs, so the compiler's memoisation warning does not apply here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.id,
    overscan: OVERSCAN,
    // Rows start below the sticky header, which also covers the top of the scroll area.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const scrollToRow = useCallback((row: number) => virtualizer.scrollToIndex(row, { align: "auto" }), [virtualizer]);
  const getPageSize = useCallback(() => Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1), []);
  const keyboard = useGridKeyboard({ rowCount: rows.length, columnCount: columns.length + 1, getPageSize, gridRef: scrollRef, scrollToRow, onEnter });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  // The remembered cell stays the tab stop while rendered; scrolled away, the first row in view takes over.
  const tabStop = keyboard.active.row === -1 || (keyboard.active.row >= first && keyboard.active.row <= last) ? keyboard.active : { row: first, column: keyboard.active.column };
  const paddingTop = items.length > 0 ? items[0]!.start - HEADER_HEIGHT : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)!.end - HEADER_HEIGHT) : 0;

  const labels = useRowLabels();

  return (
    <>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        aria-describedby={descriptionIds.keyboard}
        onKeyDown={keyboard.onKeyDown}
        onFocus={keyboard.onFocus}
        className="relative max-h-[calc(100vh-17rem)] min-h-[20rem] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        style={{ scrollPaddingTop: HEADER_HEIGHT, scrollPaddingLeft: NAME_COLUMN_WIDTH }}
      >
        <div style={{ width: gridWidth(columns.length) }}>
          <GridHeader
            columns={columns}
            templateColumns={templateColumns}
            usage={usage}
            sorting={sorting}
            onSort={onSort}
            tabStopColumn={tabStop.row === -1 ? tabStop.column : null}
          />
          {rows.length === 0 ? (
            <p className="sticky left-0 px-4 py-10 text-sm text-slate-600" style={{ width: "min(100%, 40rem)" }}>
              {t("noResults")}
            </p>
          ) : null}
          <div aria-hidden="true" style={{ height: paddingTop }} />
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <GridRow
                key={row.id}
                data={row.original}
                row={item.index}
                columns={columns}
                templateColumns={templateColumns}
                pending={pending}
                usage={usage}
                seatHolders={seatHolders}
                tabStopColumn={tabStop.row === item.index ? tabStop.column : null}
                labels={labels}
                onToggle={onToggle}
                isResending={resendingUserId === row.original.user.id}
                onResend={onResend}
              />
            );
          })}
          <div aria-hidden="true" style={{ height: paddingBottom }} />
        </div>
      </div>
      <div className="sr-only">
        <span id={descriptionIds.keyboard}>{t("keyboardHelp")}</span>
        <span id={descriptionIds.pendingNew}>{t("pendingNewDescription")}</span>
        <span id={descriptionIds.pendingRevoke}>{t("pendingRevokeDescription")}</span>
        <span id={descriptionIds.holdsSeat}>{t("holdsSeat")}</span>
      </div>
    </>
  );
}

function useRowLabels(): RowLabels {
  const t = useTranslations("grid");
  const tInvitations = useTranslations("invitations");
  return useMemo(
    () => ({
      pendingNew: t("pendingNew"),
      pendingRevoke: t("pendingRevoke"),
      revokeHint: t("revokeHint"),
      expiredReason: t("expiredReason"),
      fullReason: (seats: number) => t("fullReason", { seats }),
      invitationSent: t("invitationSent"),
      invitationFailed: t("invitationFailed"),
      notRegistered: t("notRegistered"),
      resend: tInvitations("resend"),
      resending: tInvitations("resending"),
      assignLabel: (license: string, user: string) => t("assignLabel", { license, user }),
    }),
    [t, tInvitations],
  );
}
