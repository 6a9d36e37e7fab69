// The grid's seat counter per column (R1/R3/R25): saved assignments plus pending ticks. The server
// checks the same rule again under a row lock (save-assignments.ts).
import type { GridLicense } from "@/lib/assignments/license-group-grid";
import type { PendingChanges } from "@/lib/assignments/pending-changes";
import { assignmentsTakeSeats } from "@/lib/licenses/seat-counts";

export type SeatUsage = {
  seats: number;
  /** Saved assignments plus pending grants minus pending revocations. */
  assigned: number;
  pendingGrants: number;
  pendingRevocations: number;
  countsAgainstSeats: boolean;
  isFull: boolean;
  /** Pending grants beyond the seats (another admin took them meanwhile); they block Save. */
  overBy: number;
  /** FLOATING: people holding a seat right now (live leases). */
  inUseNow: number;
};

export function computeSeatUsage(licenses: readonly GridLicense[], pending: PendingChanges): Map<string, SeatUsage> {
  const deltas = new Map<string, { grants: number; revocations: number }>();
  for (const change of pending.values()) {
    const delta = deltas.get(change.licenseId) ?? { grants: 0, revocations: 0 };
    if (change.assigned) delta.grants += 1;
    else delta.revocations += 1;
    deltas.set(change.licenseId, delta);
  }
  const usage = new Map<string, SeatUsage>();
  for (const license of licenses) {
    const delta = deltas.get(license.id) ?? { grants: 0, revocations: 0 };
    const assigned = license.assignedCount + delta.grants - delta.revocations;
    const countsAgainstSeats = assignmentsTakeSeats[license.type];
    usage.set(license.id, {
      seats: license.seats,
      assigned,
      pendingGrants: delta.grants,
      pendingRevocations: delta.revocations,
      countsAgainstSeats,
      isFull: countsAgainstSeats && assigned >= license.seats,
      overBy: countsAgainstSeats ? Math.min(delta.grants, Math.max(0, assigned - license.seats)) : 0,
      inUseNow: license.seatHolders.length,
    });
  }
  return usage;
}

/** Why an unticked box cannot be ticked, or null when it can. Unticking is always possible (R18). */
export type AssignBlock = "expired" | "full" | null;

export function assignBlock(license: Pick<GridLicense, "isExpired">, usage: Pick<SeatUsage, "isFull">): AssignBlock {
  if (license.isExpired) return "expired";
  if (usage.isFull) return "full";
  return null;
}

/** The pending grants that no longer fit, as pairKeys: per column the ones ticked last, as many as it is over. */
export function pendingGrantsBeyondSeats(pending: PendingChanges, usage: ReadonlyMap<string, Pick<SeatUsage, "overBy">>): Set<string> {
  const beyond = new Set<string>();
  const grants = [...pending.entries()].filter(([, change]) => change.assigned).reverse();
  const remaining = new Map([...usage].map(([licenseId, seats]) => [licenseId, seats.overBy]));
  for (const [key, change] of grants) {
    const over = remaining.get(change.licenseId) ?? 0;
    if (over === 0) continue;
    beyond.add(key);
    remaining.set(change.licenseId, over - 1);
  }
  return beyond;
}
