"use client";

// What the admin chose to see: the search (a link …?q=<email> from Add user opens the grid searched
// for that colleague), the assignment filter and the sort, applied to the rows loaded so far.
import { useSearchParams } from "next/navigation";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { AssignmentFilter } from "@/lib/assignments/grid-filters";
import type { GridLicense } from "@/lib/assignments/license-group-grid";
import type { GridRowData } from "./grid-model";
import { NAME_COLUMN_ID, useGridTable, type GridSorting } from "./use-grid-table";

export function useGridView(options: { rows: GridRowData[]; licenses: readonly GridLicense[]; locale: string }) {
  const searchParams = useSearchParams();
  const [query, setQuery] = useState(() => searchParams.get("q")?.slice(0, 200) ?? "");
  const [filter, setFilter] = useState<AssignmentFilter>("all");
  const [sorting, setSorting] = useState<GridSorting>([{ id: NAME_COLUMN_ID, desc: false }]);
  // Typing stays responsive with 10,000 rows: the row model follows the query a frame later.
  const deferredQuery = useDeferredValue(query);
  const filterValue = useMemo(() => ({ query: deferredQuery, filter }), [deferredQuery, filter]);
  const visibleRows = useGridTable({ ...options, filter: filterValue, sorting });

  /** A header click sorts by that column, and a second click reverses it. */
  const toggleSort = useCallback((columnId: string) => {
    setSorting(([current]) => [{ id: columnId, desc: current?.id === columnId ? !current.desc : false }]);
  }, []);
  const sortBy = useCallback((columnId: string) => setSorting([{ id: columnId, desc: false }]), []);

  return {
    query,
    setQuery,
    deferredQuery,
    filter,
    setFilter,
    sorting,
    sortedColumnId: sorting[0]?.id ?? NAME_COLUMN_ID,
    toggleSort,
    sortBy,
    visibleRows,
  };
}
