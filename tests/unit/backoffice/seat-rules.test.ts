import { describe, expect, it } from "vitest";
import { hasFixedSeatCount, seatsToFree } from "@/lib/backoffice/seat-rules";

describe("the back office's seat rules", () => {
  it("R3: only a node-locked license has a fixed seat count", () => {
    expect(hasFixedSeatCount("NODE_LOCKED")).toBe(true);
    expect(hasFixedSeatCount("NAMED_USER")).toBe(false);
    expect(hasFixedSeatCount("FLOATING")).toBe(false);
  });

  it("R25: names how many holders must go below the usage, none at or above it or for no number", () => {
    expect(seatsToFree({ seats: 1, seatsUsed: 3 })).toBe(2);
    expect(seatsToFree({ seats: 3, seatsUsed: 3 })).toBe(0);
    expect(seatsToFree({ seats: 5, seatsUsed: 3 })).toBe(0);
    expect(seatsToFree({ seats: Number.NaN, seatsUsed: 3 })).toBe(0);
  });
});
