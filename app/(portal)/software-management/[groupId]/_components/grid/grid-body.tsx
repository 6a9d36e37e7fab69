"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type UIEvent } from "react";
import type { PendingChanges } from "@/lib/assignments/pending-changes";
import type { SeatUsage } from "@/lib/assignments/seat-usage";
import { GridHeader } from "./grid-header";
import {
  descriptionIds,
  gridTemplateColumns,
  gridWidth,
  HEADER_HEIGHT,
  NAME_COLUMN_WIDTH,
  ROW_HEIGHT,
  type GridColumn,
  type GridRowData,
} from "./grid-model";
import { GridRow, type RowLabels } from "./grid-row";
import { useGridKeyboard } from "./use-grid-keyboard";
import type { GridSorting } from "./use-grid-table";

type GridBodyProps = {
  label: string;
  /** The filtered and sorted rows of TanStack Table's row model. */
  rows: readonly { id: string; original: GridRowData }[];
  columns: GridColumn[];
  pending: PendingChanges;
  /** Pending grants (pairKey) that no longer fit their license's seats (decision 020). */
  beyondSeats: ReadonlySet<string>;
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
  /** Shown instead of the rows when none match (with "Add user" for what was searched). */
  emptyState: ReactNode;
};

const OVERSCAN = 8;
/** The portal's sticky header (components/shell/app-shell.tsx, h-16): the grid's header sticks below it. */
const PAGE_HEADER_HEIGHT = 64;
/** Room the sticky Save bar takes at the bottom of the window. */
const ACTION_BAR_HEIGHT = 80;

/**
 * The user × license grid (R13, R32): an ARIA grid whose rows are virtualised (only the rows in
 * view are in the DOM; aria-rowcount and aria-rowindex tell assistive technology the full size),
 * with a sticky header row and a sticky name column. The rows scroll with the page
 * (a window virtualizer), not in a box of their own; a grid wider than the page scrolls sideways,
 * and the header row, sticky below the portal's header, follows that sideways scroll.
 */
export function GridBody(props: GridBodyProps) {
  const {
    label,
    rows,
    columns,
    pending,
    beyondSeats,
    usage,
    seatHolders,
    sorting,
    onSort,
    onToggle,
    onEnter,
    onResend,
    resendingUserId,
    emptyState,
  } = props;
  const t = useTranslations("grid");
  const gridRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const templateColumns = gridTemplateColumns(columns.length);

  // Where the first row starts in the document: the virtualizer counts from there.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => setScrollMargin(body.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.id,
    overscan: OVERSCAN,
    scrollMargin,
    // A row scrolled to by keyboard lands below both sticky headers and above the Save bar.
    scrollPaddingStart: PAGE_HEADER_HEIGHT + HEADER_HEIGHT,
    scrollPaddingEnd: ACTION_BAR_HEIGHT,
  });
  const scrollToRow = useCallback((row: number) => virtualizer.scrollToIndex(row, { align: "auto" }), [virtualizer]);
  const getPageSize = useCallback(
    () => Math.max(1, Math.floor((window.innerHeight - PAGE_HEADER_HEIGHT - HEADER_HEIGHT - ACTION_BAR_HEIGHT) / ROW_HEIGHT) - 1),
    [],
  );
  const keyboard = useGridKeyboard({ rowCount: rows.length, columnCount: columns.length + 1, getPageSize, gridRef, scrollToRow, onEnter });

  // The header row scrolls sideways with the rows, whichever of the two moved (a focused header cell scrolls its own box).
  const followScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    const other = event.currentTarget === bodyRef.current ? headerRef.current : bodyRef.current;
    if (other && other.scrollLeft !== event.currentTarget.scrollLeft) other.scrollLeft = event.currentTarget.scrollLeft;
  }, []);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  // The remembered cell stays the tab stop while rendered; scrolled away, the first row in view takes over.
  const tabStop =
    keyboard.active.row === -1 || (keyboard.active.row >= first && keyboard.active.row <= last)
      ? keyboard.active
      : { row: first, column: keyboard.active.column };
  const paddingTop = items.length > 0 ? items[0]!.start - scrollMargin : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)!.end - scrollMargin) : 0;
  const width = gridWidth(columns.length);

  const labels = useRowLabels();

  return (
    <>
      <div
        ref={gridRef}
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        aria-describedby={descriptionIds.keyboard}
        onKeyDown={keyboard.onKeyDown}
        onFocus={keyboard.onFocus}
        className="relative rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <div
          ref={headerRef}
          onScroll={followScroll}
          className="sticky z-20 overflow-hidden rounded-t-lg"
          style={{ top: PAGE_HEADER_HEIGHT, scrollPaddingLeft: NAME_COLUMN_WIDTH }}
        >
          <div style={{ width }}>
            <GridHeader
              columns={columns}
              templateColumns={templateColumns}
              usage={usage}
              sorting={sorting}
              onSort={onSort}
              tabStopColumn={tabStop.row === -1 ? tabStop.column : null}
            />
          </div>
        </div>
        <div
          ref={bodyRef}
          onScroll={followScroll}
          className="relative overflow-x-auto overflow-y-hidden rounded-b-lg"
          style={{ scrollPaddingLeft: NAME_COLUMN_WIDTH }}
        >
          <div style={{ width }}>
            {rows.length === 0 ? (
              <div className="sticky left-0 px-4 py-10 text-sm text-slate-600" style={{ width: "min(100%, 40rem)" }}>
                {emptyState}
              </div>
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
                  beyondSeats={beyondSeats}
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
      </div>
      <div className="sr-only">
        <span id={descriptionIds.keyboard}>{t("keyboardHelp")}</span>
        <span id={descriptionIds.pendingNew}>{t("pendingNewDescription")}</span>
        <span id={descriptionIds.pendingRevoke}>{t("pendingRevokeDescription")}</span>
        <span id={descriptionIds.holdsSeat}>{t("holdsSeat")}</span>
        <span id={descriptionIds.beyondSeats}>{t("beyondSeatsDescription")}</span>
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
      beyondSeats: t("beyondSeats"),
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
