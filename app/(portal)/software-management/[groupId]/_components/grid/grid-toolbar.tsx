"use client";

import { clsx } from "clsx";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { assignmentFilters, isAssignmentFilter, type AssignmentFilter } from "@/lib/assignments/grid-filters";
import { EMAIL_COLUMN_ID, NAME_COLUMN_ID } from "./use-grid-table";

const filterKeys = { all: "filterAll", assigned: "filterAssigned", unassigned: "filterUnassigned", invited: "filterInvited" } as const;
const selectClassName =
  "rounded-md border border-slate-300 bg-white py-2 pl-3 pr-8 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

type GridToolbarProps = {
  query: string;
  onQueryChange: (query: string) => void;
  filter: AssignmentFilter;
  onFilterChange: (filter: AssignmentFilter) => void;
  sortColumnId: string;
  /** Set when a license column is the sort key, so the select can show it. */
  sortedLicenseLabel: string | null;
  onSortChange: (columnId: string) => void;
  shown: number;
  /** Users loaded (all of them once the stream is complete). */
  total: number;
  /** While users are still arriving (decision 008): the company's member count. */
  loading: { total: number } | null;
  /** A page of users could not be read: the grid is incomplete until the page is reloaded. */
  hasFailed: boolean;
};

/** R13: the search field at the top left, then the filter and sort controls and the count. */
export function GridToolbar(props: GridToolbarProps) {
  const { query, onQueryChange, filter, onFilterChange, sortColumnId, sortedLicenseLabel, onSortChange, shown, total, loading, hasFailed } =
    props;
  const t = useTranslations("grid");
  const id = useId();

  return (
    <div className="mb-3 flex flex-wrap items-end gap-3">
      <div className="w-full sm:w-80">
        <label htmlFor={`${id}-search`} className="block text-sm font-medium text-slate-800">
          {t("searchLabel")}
        </label>
        <div className="relative mt-1">
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden="true" />
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(event) => onQueryChange(event.target.value)}
            placeholder={t("searchPlaceholder")}
            autoComplete="off"
            className="block w-full rounded-md border border-slate-300 bg-white py-2 pl-9 pr-3 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-filter`} className="block text-sm font-medium text-slate-800">
          {t("filterLabel")}
        </label>
        <select
          id={`${id}-filter`}
          value={filter}
          onChange={(event) => isAssignmentFilter(event.target.value) && onFilterChange(event.target.value)}
          className={`mt-1 ${selectClassName}`}
        >
          {assignmentFilters.map((value) => (
            <option key={value} value={value}>
              {t(filterKeys[value])}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-sort`} className="block text-sm font-medium text-slate-800">
          {t("sortLabel")}
        </label>
        <select
          id={`${id}-sort`}
          value={sortColumnId}
          onChange={(event) => onSortChange(event.target.value)}
          className={`mt-1 ${selectClassName}`}
        >
          <option value={NAME_COLUMN_ID}>{t("sortName")}</option>
          <option value={EMAIL_COLUMN_ID}>{t("sortEmail")}</option>
          {sortedLicenseLabel ? <option value={sortColumnId}>{sortedLicenseLabel}</option> : null}
        </select>
      </div>
      {hasFailed ? (
        <p role="alert" className="ml-auto rounded-md bg-red-50 px-2.5 py-1 text-sm text-red-800 ring-1 ring-red-200">
          {t("loadFailed", { loaded: total })}
        </p>
      ) : null}
      {/* Busy while pages arrive: screen readers announce the final count, not every page. */}
      <p
        className={clsx("pb-2 text-sm tabular-nums text-slate-600", !hasFailed && "ml-auto")}
        aria-live="polite"
        aria-busy={loading ? true : undefined}
      >
        {loading ? t("resultCountLoading", { shown, loaded: total, total: loading.total }) : t("resultCount", { shown, total })}
      </p>
    </div>
  );
}
