"use client";

// The one store of pending ticks (R16): a Map keyed "licenseId:userId", reconciled against every
// fresh grid from the server, so after a reload (R26) only the changes that still apply remain.
import { useCallback, useMemo, useState } from "react";
import type { GridLicense, GridRowUser } from "@/lib/assignments/license-group-grid";
import { pairKey } from "@/lib/assignments/assignment-change";
import { reconcilePendingChanges, savedAssignmentKeys, togglePendingChange, type PendingChanges } from "@/lib/assignments/pending-changes";

const empty: PendingChanges = new Map();

/** The users loaded so far (decision 008) and the group's licenses. */
export function usePendingChanges(grid: { users: readonly GridRowUser[]; licenses: readonly GridLicense[] }) {
  const saved = useMemo(() => savedAssignmentKeys(grid), [grid]);
  const [raw, setRaw] = useState<PendingChanges>(empty);
  const pending = useMemo(() => reconcilePendingChanges(raw, grid, saved), [raw, grid, saved]);

  const toggle = useCallback(
    (licenseId: string, userId: string) => {
      setRaw((current) =>
        togglePendingChange(
          reconcilePendingChanges(current, grid, saved),
          { licenseId, userId },
          saved.has(pairKey({ licenseId, userId })),
        ),
      );
    },
    [grid, saved],
  );
  const clear = useCallback(() => setRaw(empty), []);

  return { pending, saved, toggle, clear };
}
