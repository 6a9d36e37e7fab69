// What a license's seat numbers count, one name per meaning on every page: assigned (people holding it, R1,
// R3), activated (computers, R3, R4), inUseNow (floating seats held by live leases, R2, R5).
import type { LicenseType } from "@prisma/client";

/** Floating licenses authorise any number of people and count their live leases instead (R2, R5). */
export const assignmentsTakeSeats: Record<LicenseType, boolean> = { NAMED_USER: true, NODE_LOCKED: true, FLOATING: false };

export type SeatCounts = { seats: number; assigned: number; activated: number; inUseNow: number };

/** As shown: "2 van 5 toegewezen", "1 van 3 nu in gebruik", … */
export type SeatFigure = "assigned" | "activated" | "inUseNow" | "assignedUsers";

/** The figures a license shows, the one that can be full first. */
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

/** The number that fills up, everywhere a license is shown or changed. */
export function seatsTaken(type: LicenseType, counts: Pick<SeatCounts, "assigned" | "inUseNow">): number {
  return assignmentsTakeSeats[type] ? counts.assigned : counts.inUseNow;
}

export function isFull(license: { type: LicenseType; seats: number } & Pick<SeatCounts, "assigned" | "inUseNow">): boolean {
  return seatsTaken(license.type, license) >= license.seats;
}
