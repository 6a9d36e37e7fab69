// Issue 14 item 6: what a license's seat numbers count, with one name per meaning, so every page
// (the overview, the grid, "Plaatsen en looptijd", the back office) shows the same words and the
// same value for the same license:
// - assigned:  people holding the license now — a named user's seat (R1), a node-locked key (R3);
// - activated: computers the license is active on now (R3, R4; desktop licenses);
// - inUseNow:  floating seats taken right now by live leases (R2, R5).
import type { LicenseType } from "@prisma/client";

/**
 * Which assignments take a seat: named users hold a seat each (R1); a node-locked license is one
 * person's key for one machine (R3), so it too is assigned only as often as it has seats (one);
 * floating licenses authorise any number of people and count their live leases instead (R2, R5).
 */
export const assignmentsTakeSeats: Record<LicenseType, boolean> = { NAMED_USER: true, NODE_LOCKED: true, FLOATING: false };

export type SeatCounts = { seats: number; assigned: number; activated: number; inUseNow: number };

/** One figure of a license as it is shown: "2 van 5 toegewezen", "1 van 3 nu in gebruik", … */
export type SeatFigure = "assigned" | "activated" | "inUseNow" | "assignedUsers";

/**
 * The figures a license shows, the one that can be full first: named users by their seats
 * assigned; node-locked by assignment, with the activated computer beside it; floating by the seats
 * in use now, with the number of people authorised beside it (they hold no seat of their own).
 */
export function seatFigures(type: LicenseType): readonly SeatFigure[] {
  switch (type) {
    case "NAMED_USER":
      return ["assigned"];
    case "NODE_LOCKED":
      return ["assigned", "activated"];
    case "FLOATING":
      return ["inUseNow", "assignedUsers"];
  }
}

/**
 * Seats taken, the number that fills up (seatFigures' first) everywhere a license is shown or
 * changed: assignments (named, node-locked) or live leases (floating).
 */
export function seatsTaken(type: LicenseType, counts: Pick<SeatCounts, "assigned" | "inUseNow">): number {
  return assignmentsTakeSeats[type] ? counts.assigned : counts.inUseNow;
}

/** Every seat taken. */
export function isFull(license: { type: LicenseType; seats: number } & Pick<SeatCounts, "assigned" | "inUseNow">): boolean {
  return seatsTaken(license.type, license) >= license.seats;
}
