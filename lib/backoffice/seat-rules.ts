// R1–R3, R25 for a license's seat count, shared by the seat form and changeLicenseSeats.
import type { LicenseType } from "@prisma/client";

export const MAX_LICENSE_SEATS = 100_000;

/** R3: a node-locked license has exactly one seat. */
export function hasFixedSeatCount(type: LicenseType): boolean {
  return type === "NODE_LOCKED";
}

/** R25: how many holders must be unassigned before the seats can go down to `seats` (0: none). */
export function seatsToFree(options: { seats: number; seatsUsed: number }): number {
  return Number.isInteger(options.seats) ? Math.max(0, options.seatsUsed - options.seats) : 0;
}
