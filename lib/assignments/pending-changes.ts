// R16/R18: the grid's ticks until Save, keyed "licenseId:userId"; a box ticked back to its saved state is no change.
import { pairKey, type AssignmentChange } from "@/lib/assignments/assignment-change";
import type { GridLicense, GridUser } from "@/lib/assignments/license-group-grid";

export type PendingChanges = ReadonlyMap<string, AssignmentChange>;

type GridUsers = { users: readonly Pick<GridUser, "id" | "assignedLicenseIds">[] };
type GridUsersAndLicenses = GridUsers & { licenses: readonly Pick<GridLicense, "id">[] };

export function savedAssignmentKeys(grid: GridUsers): Set<string> {
  const keys = new Set<string>();
  for (const user of grid.users) for (const licenseId of user.assignedLicenseIds) keys.add(pairKey({ licenseId, userId: user.id }));
  return keys;
}

export function togglePendingChange(
  pending: PendingChanges,
  pair: { licenseId: string; userId: string },
  isSavedAssigned: boolean,
): PendingChanges {
  const key = pairKey(pair);
  const current = pending.get(key)?.assigned ?? isSavedAssigned;
  const next = new Map(pending);
  if (!current === isSavedAssigned) next.delete(key);
  else next.set(key, { licenseId: pair.licenseId, userId: pair.userId, assigned: !current });
  return next;
}

/**
 * R26: after a reload, drops the changes the other admin already made or whose license or user is
 * gone, and keeps the rest. Returns the same map when nothing changed.
 */
export function reconcilePendingChanges(
  pending: PendingChanges,
  grid: GridUsersAndLicenses,
  saved = savedAssignmentKeys(grid),
): PendingChanges {
  if (pending.size === 0) return pending;
  const licenseIds = new Set(grid.licenses.map((license) => license.id));
  const userIds = new Set(grid.users.map((user) => user.id));
  const next = new Map<string, AssignmentChange>();
  for (const [key, change] of pending) {
    if (!licenseIds.has(change.licenseId) || !userIds.has(change.userId)) continue;
    if (saved.has(key) === change.assigned) continue;
    next.set(key, change);
  }
  return next.size === pending.size ? pending : next;
}
