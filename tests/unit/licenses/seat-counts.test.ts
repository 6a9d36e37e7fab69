import { describe, expect, it } from "vitest";
import { isFull, seatFigures, seatsTaken } from "@/lib/licenses/seat-counts";

describe("seats taken: one rule for the overview, the grid, the shop and the back office", () => {
  it("counts assignments for named and node-locked licenses, live leases for floating ones", () => {
    const counts = { assigned: 4, inUseNow: 2 };
    expect(seatsTaken("NAMED_USER", counts)).toBe(4);
    expect(seatsTaken("NODE_LOCKED", counts)).toBe(4);
    expect(seatsTaken("FLOATING", counts)).toBe(2);
  });

  it("a license is full when the seats taken reach its seats, whoever else is authorised", () => {
    expect(isFull({ type: "FLOATING", seats: 3, assigned: 10, inUseNow: 2 })).toBe(false);
    expect(isFull({ type: "FLOATING", seats: 3, assigned: 0, inUseNow: 3 })).toBe(true);
    expect(isFull({ type: "NAMED_USER", seats: 3, assigned: 3, inUseNow: 0 })).toBe(true);
    expect(isFull({ type: "NODE_LOCKED", seats: 1, assigned: 0, inUseNow: 0 })).toBe(false);
  });

  it("shows first the figure that fills up", () => {
    expect(seatFigures("NAMED_USER")[0]).toBe("assigned");
    expect(seatFigures("NODE_LOCKED")[0]).toBe("assigned");
    expect(seatFigures("FLOATING")[0]).toBe("inUseNow");
  });
});
