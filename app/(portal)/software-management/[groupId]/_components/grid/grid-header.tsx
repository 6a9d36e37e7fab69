"use client";

import { clsx } from "clsx";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { SeatUsage } from "@/lib/assignments/seat-usage";
import { descriptionIds, HEADER_HEIGHT, NAME_COLUMN_WIDTH, type GridColumn } from "./grid-model";
import type { GridSorting } from "./use-grid-table";
import { NAME_COLUMN_ID } from "./use-grid-table";
import { seatFigures } from "@/lib/licenses/seat-counts";
import { licensePurchaseLinks } from "@/lib/shop/license-purchase-links";

type GridHeaderProps = {
  columns: GridColumn[];
  templateColumns: string;
  usage: Map<string, SeatUsage>;
  sorting: GridSorting;
  onSort: (columnId: string) => void;
  /** The header column that is the grid's tab stop, or null. */
  tabStopColumn: number | null;
};

function SortIcon({ direction }: { direction: "ascending" | "descending" | null }) {
  const Icon = direction === "ascending" ? ArrowUp : direction === "descending" ? ArrowDown : ArrowUpDown;
  return <Icon className={clsx("size-3.5 shrink-0", direction ? "text-brand-600" : "text-slate-400")} aria-hidden="true" />;
}

/** The header row (sticky in grid-body.tsx): per column its product, type, seat counter (R1, R2) and state. */
export function GridHeader({ columns, templateColumns, usage, sorting, onSort, tabStopColumn }: GridHeaderProps) {
  const t = useTranslations("grid");
  const tType = useTranslations("licenseType");
  const tEdition = useTranslations("edition");
  const tShop = useTranslations("shop.groupLicenses");
  const tSeats = useTranslations("seatCount");
  const direction = (columnId: string) => {
    const sort = sorting[0];
    return sort?.id === columnId ? (sort.desc ? "descending" : "ascending") : null;
  };

  return (
    <div role="row" aria-rowindex={1} className="grid bg-slate-50" style={{ gridTemplateColumns: templateColumns, height: HEADER_HEIGHT }}>
      <div
        role="columnheader"
        aria-colindex={1}
        aria-sort={direction(NAME_COLUMN_ID) ?? undefined}
        className="sticky left-0 z-10 flex items-end border-b border-r border-slate-200 bg-slate-50 px-4 pb-3"
        style={{ width: NAME_COLUMN_WIDTH }}
      >
        <button
          type="button"
          data-cell="-1:0"
          tabIndex={tabStopColumn === 0 ? 0 : -1}
          onClick={() => onSort(NAME_COLUMN_ID)}
          className="inline-flex items-center gap-1.5 rounded text-xs font-semibold uppercase tracking-wide text-slate-600 hover:text-slate-900"
        >
          {t("userColumn")}
          <SortIcon direction={direction(NAME_COLUMN_ID)} />
        </button>
      </div>
      {columns.map((column, index) => {
        const { license } = column;
        const seats = usage.get(license.id)!;
        const sort = direction(license.id);
        const changed = seats.pendingGrants + seats.pendingRevocations > 0;
        return (
          <div
            key={license.id}
            role="columnheader"
            aria-colindex={index + 2}
            aria-sort={sort ?? undefined}
            className={clsx(
              "flex flex-col justify-between gap-1 border-b border-r border-slate-200 px-3 py-2.5",
              license.isExpired && "bg-slate-100",
            )}
          >
            <button
              type="button"
              data-cell={`-1:${index + 1}`}
              tabIndex={tabStopColumn === index + 1 ? 0 : -1}
              aria-label={`${column.label}, ${t("sortBy", { column: column.label })}`}
              onClick={() => onSort(license.id)}
              className="flex items-start justify-between gap-1 rounded text-left"
            >
              <span className="min-w-0">
                <span className="line-clamp-2 text-xs font-semibold leading-4 text-slate-900">{license.productName}</span>
                <span
                  className="mt-0.5 block truncate text-[11px] leading-4 text-slate-500"
                  title={`${tType(license.type)} · ${tEdition(license.edition)}`}
                >
                  {tType(license.type)}
                  {license.edition !== "STANDARD" ? ` · ${tEdition(license.edition)}` : null}
                  {column.qualifier ? ` · ${column.qualifier}` : null}
                </span>
              </span>
              <SortIcon direction={sort} />
            </button>
            <div className="flex flex-wrap items-center gap-1">
              {seats.countsAgainstSeats ? (
                <span
                  aria-label={t("seatCounterLabel", { assigned: seats.assigned - seats.overBy, seats: seats.seats })}
                  className={clsx(
                    "rounded-md px-1.5 py-0.5 text-xs font-semibold tabular-nums",
                    seats.isFull ? "bg-red-50 text-red-700 ring-1 ring-red-200" : "bg-white text-slate-700 ring-1 ring-slate-200",
                    changed && "ring-2 ring-emerald-400",
                  )}
                >
                  {/* Never "6 / 5"; ticks beyond the seats are counted apart. */}
                  {t("seatCounter", { assigned: seats.assigned - seats.overBy, seats: seats.seats })}
                </span>
              ) : (
                <>
                  <span
                    className={clsx(
                      "rounded-md bg-white px-1.5 py-0.5 text-xs font-semibold tabular-nums text-slate-700 ring-1 ring-slate-200",
                      changed && "ring-2 ring-emerald-400",
                    )}
                  >
                    {tSeats("assignedUsers", { assigned: seats.assigned })}
                  </span>
                  <span className="flex items-center gap-1 text-[11px] leading-4 text-slate-600">
                    <span aria-hidden="true" className="size-2 rounded-full bg-emerald-500" />
                    {tSeats("inUseNow", { inUse: seats.inUseNow, seats: seats.seats })}
                  </span>
                </>
              )}
              {seats.overBy > 0 ? (
                <span
                  aria-label={t("overByLabel", { count: seats.overBy })}
                  className="rounded bg-red-600 px-1.5 py-0.5 text-[11px] font-semibold text-white"
                >
                  {t("overBy", { count: seats.overBy })}
                </span>
              ) : null}
              {/* A node-locked license also says how many computers it is active on. */}
              {seatFigures(license.type).includes("activated") ? (
                <span className="w-full text-[11px] leading-4 text-slate-600">
                  {tSeats("activated", { activated: license.activatedCount, seats: license.seats })}
                </span>
              ) : null}
              {license.isExpired ? (
                <span className="rounded bg-red-50 px-1.5 py-0.5 text-[11px] font-medium text-red-700">{t("expired")}</span>
              ) : null}
              {!license.isExpired && seats.isFull ? (
                <span className="rounded bg-red-50 px-1.5 py-0.5 text-[11px] font-medium text-red-700">{t("full")}</span>
              ) : null}
              {!license.isExpired && seats.isFull ? (
                <BuyOneSeatLink
                  license={license}
                  label={tShop("gridBuyOneSeatLabel", { license: column.label })}
                  text={tShop("gridBuyOneSeat")}
                />
              ) : null}
            </div>
            {/* Shared by every blocked box of this column (aria-describedby). */}
            <span id={descriptionIds.blockReason(license.id)} className="sr-only">
              {license.isExpired ? t("expiredReason") : t("fullReason", { seats: license.seats })}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/**
 * R6: a full column offers one more seat through the shop (not for Enterprise, which sales sells).
 * Out of the grid's tab order, which has one stop per grid; the same link is in the group page's
 * "Seats and validity" table for keyboard and screen-reader users.
 */
function BuyOneSeatLink({ license, label, text }: { license: GridColumn["license"]; label: string; text: string }) {
  const links = licensePurchaseLinks(license, { onlyWhenFull: false });
  if (links.salesOnly || !links.oneMoreSeat) return null;
  return (
    <Link
      href={links.oneMoreSeat.href}
      tabIndex={-1}
      aria-label={label}
      className="rounded px-1 text-[11px] font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600"
    >
      {text}
    </Link>
  );
}
