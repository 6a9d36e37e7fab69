// R1–R3, R25 as the back office applies them to a license's seat count. Shared with the browser
// (no server-only): the seat form explains the rule that changeLicenseSeats enforces under the locks.
import type { LicenseType } from "@prisma/client";

export const MAX_LICENSE_SEATS = 100_000;

/** R3: a node-locked license has exactly one seat (CHECK license_node_locked_single_seat). */
export function hasFixedSeatCount(type: LicenseType): boolean {
  return type === "NODE_LOCKED";
}

/** R25: how many holders must be unassigned before the seats can go down to `seats` (0: none). */
export function seatsToFree(options: { seats: number; seatsUsed: number }): number {
  return Number.isInteger(options.seats) ? Math.max(0, options.seatsUsed - options.seats) : 0;
}
