import { describe, expect, test } from "vitest";
import { togglePendingChange, type PendingChanges } from "@/lib/assignments/pending-changes";
import { assignBlock, computeSeatUsage, pendingGrantsBeyondSeats } from "@/lib/assignments/seat-usage";
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
    expect(computeSeatUsage(grid.licenses, pending).get(ids.named)).toMatchObject({
      assigned: 2,
      pendingGrants: 1,
      pendingRevocations: 1,
      isFull: false,
    });
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

describe("pending grants that no longer fit after a reload", () => {
  // Another admin filled the named license (3 of 3) while this admin's two ticks were pending.
  const reloaded = gridFixture();
  reloaded.licenses[0] = { ...reloaded.licenses[0]!, assignedCount: 3 };
  const twoTicks: PendingChanges = new Map([
    [`${ids.named}:${ids.jan}`, { licenseId: ids.named, userId: ids.jan, assigned: true }],
    [`${ids.named}:${ids.noe}`, { licenseId: ids.named, userId: ids.noe, assigned: true }],
  ]);

  test("the counter never reads more than the seats: the excess is counted as not fitting", () => {
    const usage = computeSeatUsage(reloaded.licenses, twoTicks).get(ids.named)!;
    expect(usage).toMatchObject({ seats: 3, assigned: 5, overBy: 2, isFull: true });
    expect(pendingGrantsBeyondSeats(twoTicks, computeSeatUsage(reloaded.licenses, twoTicks))).toEqual(
      new Set([`${ids.named}:${ids.jan}`, `${ids.named}:${ids.noe}`]),
    );
  });

  test("with one seat free again, the tick made last is the one that does not fit", () => {
    const oneFree = gridFixture();
    oneFree.licenses[0] = { ...oneFree.licenses[0]!, assignedCount: 2 };
    const usage = computeSeatUsage(oneFree.licenses, twoTicks);
    expect(usage.get(ids.named)!.overBy).toBe(1);
    expect(pendingGrantsBeyondSeats(twoTicks, usage)).toEqual(new Set([`${ids.named}:${ids.noe}`]));
  });

  test("a pending revocation in the column makes room; floating licenses never overflow", () => {
    const withRevocation = new Map(twoTicks).set(`${ids.named}:${ids.jose}`, { licenseId: ids.named, userId: ids.jose, assigned: false });
    const usage = computeSeatUsage(reloaded.licenses, withRevocation);
    expect(usage.get(ids.named)!.overBy).toBe(1);
    const floating: PendingChanges = new Map([
      [`${ids.floating}:${ids.noe}`, { licenseId: ids.floating, userId: ids.noe, assigned: true }],
    ]);
    expect(pendingGrantsBeyondSeats(floating, computeSeatUsage(reloaded.licenses, floating)).size).toBe(0);
  });
});
