"use client";

// TanStack Table owns the row model here: filtering (search + assignment filter) and sorting of
// the users. The markup, virtualisation and keyboard handling stay in the grid's components.
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo } from "react";
import { matchesAssignmentFilter, type AssignmentFilter } from "@/lib/assignments/grid-filters";
import { matchesSearch } from "@/lib/assignments/grid-search";
import type { GridLicense } from "@/lib/assignments/license-group-grid";
import type { GridRowData } from "./grid-model";

const features = tableFeatures({
  columnFilteringFeature,
  rowSortingFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
});
const helper = createColumnHelper<typeof features, GridRowData>();

export type GridFilterValue = { query: string; filter: AssignmentFilter };
export type GridSorting = SortingState;
export const NAME_COLUMN_ID = "name";
export const EMAIL_COLUMN_ID = "email";

function buildColumns(licenses: readonly GridLicense[], collator: Intl.Collator) {
  return helper.columns([
    helper.accessor((row) => row.displayName, {
      id: NAME_COLUMN_ID,
      sortFn: (a, b) => collator.compare(a.original.displayName, b.original.displayName),
      // One filter carries the search and the assignment filter, so each row is tested once.
      filterFn: (row, _columnId, value: GridFilterValue) =>
        matchesSearch(row.original.searchKey, value.query) && matchesAssignmentFilter(row.original.user, value.filter),
    }),
    helper.accessor((row) => row.user.email, {
      id: EMAIL_COLUMN_ID,
      sortFn: (a, b) => collator.compare(a.original.user.email, b.original.user.email),
    }),
    // Per license: people who hold it first (ascending), then by name via the stable sort.
    ...licenses.map((license) =>
      helper.accessor((row) => (row.assigned.has(license.id) ? 0 : 1), {
        id: license.id,
        sortFn: (a, b, columnId) => a.getValue<number>(columnId) - b.getValue<number>(columnId),
      }),
    ),
  ]);
}

export function useGridTable(options: {
  rows: GridRowData[];
  licenses: readonly GridLicense[];
  locale: string;
  filter: GridFilterValue;
  sorting: GridSorting;
}) {
  const { rows, licenses, locale, filter, sorting } = options;
  const columns = useMemo(
    () => buildColumns(licenses, new Intl.Collator(locale, { sensitivity: "base", numeric: true })),
    [licenses, locale],
  );
  const columnFilters = useMemo<ColumnFiltersState>(
    () => (filter.query.trim() === "" && filter.filter === "all" ? [] : [{ id: NAME_COLUMN_ID, value: filter }]),
    [filter],
  );
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.user.id,
    state: { sorting, columnFilters },
    enableSortingRemoval: false,
  });
  return table.getRowModel().rows;
}
