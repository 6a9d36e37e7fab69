import { describe, expect, test } from "vitest";
import { togglePendingChange, type PendingChanges } from "@/lib/assignments/pending-changes";
import { assignBlock, computeSeatUsage } from "@/lib/assignments/seat-usage";
import { gridFixture, ids } from "./grid-fixture";

const grid = gridFixture();
const licenseById = new Map(grid.licenses.map((license) => [license.id, license]));

describe("seat counting with pending changes (R1, R2, R3, R25)", () => {
  test("counts saved assignments when nothing is pending", () => {
    const usage = computeSeatUsage(grid.licenses, new Map());
    expect(usage.get(ids.named)).toMatchObject({ seats: 3, assigned: 2, isFull: false, countsAgainstSeats: true });
    expect(usage.get(ids.nodeLocked)).toMatchObject({ seats: 1, assigned: 1, isFull: true });
  });

  test("a pending tick takes a seat, a pending revocation frees one", () => {
    let pending: PendingChanges = new Map();
    pending = togglePendingChange(pending, { licenseId: ids.named, userId: ids.jan }, false);
    expect(computeSeatUsage(grid.licenses, pending).get(ids.named)).toMatchObject({ assigned: 3, pendingGrants: 1, isFull: true });
    expect(assignBlock(licenseById.get(ids.named)!, computeSeatUsage(grid.licenses, pending).get(ids.named)!)).toBe("full");

    pending = togglePendingChange(pending, { licenseId: ids.named, userId: ids.jose }, true);
    expect(computeSeatUsage(grid.licenses, pending).get(ids.named)).toMatchObject({ assigned: 2, pendingGrants: 1, pendingRevocations: 1, isFull: false });
  });

  test("floating licenses authorise any number of people and report live seat holders", () => {
    let pending: PendingChanges = new Map();
    pending = togglePendingChange(pending, { licenseId: ids.floating, userId: ids.ozlem }, false);
    pending = togglePendingChange(pending, { licenseId: ids.floating, userId: ids.noe }, false);
    const usage = computeSeatUsage(grid.licenses, pending).get(ids.floating)!;
    expect(usage).toMatchObject({ seats: 1, assigned: 4, isFull: false, countsAgainstSeats: false, inUseNow: 1 });
    expect(assignBlock(licenseById.get(ids.floating)!, usage)).toBeNull();
  });

  test("an expired license cannot be assigned, whatever its seats", () => {
    const usage = computeSeatUsage(grid.licenses, new Map()).get(ids.expired)!;
    expect(usage.isFull).toBe(false);
    expect(assignBlock(licenseById.get(ids.expired)!, usage)).toBe("expired");
  });
});
