import { describe, expect, test } from "vitest";
import { pairKey } from "@/lib/assignments/assignment-change";
import { reconcilePendingChanges, togglePendingChange, type PendingChanges } from "@/lib/assignments/pending-changes";
import { gridFixture, ids } from "./grid-fixture";

describe("pending changes (R16, R18, R26)", () => {
  test("ticking twice is no change", () => {
    const pair = { licenseId: ids.named, userId: ids.jan };
    const once = togglePendingChange(new Map(), pair, false);
    expect([...once.values()]).toEqual([{ ...pair, assigned: true }]);
    expect(togglePendingChange(once, pair, false).size).toBe(0);
  });

  test("clicking the X of a saved assignment is a pending revocation", () => {
    const pair = { licenseId: ids.named, userId: ids.jose };
    expect(togglePendingChange(new Map(), pair, true).get(pairKey(pair))).toEqual({ ...pair, assigned: false });
  });

  test("after a reload, keeps changes that still apply and drops the rest", () => {
    const grid = gridFixture();
    let pending: PendingChanges = new Map();
    pending = togglePendingChange(pending, { licenseId: ids.named, userId: ids.jan }, false); // still applies
    pending = togglePendingChange(pending, { licenseId: ids.named, userId: ids.noe }, false); // the other admin did it
    pending = togglePendingChange(pending, { licenseId: ids.floating, userId: ids.jose }, true); // still applies
    pending = togglePendingChange(pending, { licenseId: "00000000-0000-4000-8000-0000000000ff", userId: ids.jan }, false); // license gone
    grid.users.find((user) => user.id === ids.noe)!.assignedLicenseIds.push(ids.named);

    const kept = reconcilePendingChanges(pending, grid);
    expect([...kept.keys()].sort()).toEqual(
      [pairKey({ licenseId: ids.named, userId: ids.jan }), pairKey({ licenseId: ids.floating, userId: ids.jose })].sort(),
    );
  });

  test("returns the same map when every change still applies (no needless re-render)", () => {
    const pending = togglePendingChange(new Map(), { licenseId: ids.named, userId: ids.jan }, false);
    expect(reconcilePendingChanges(pending, gridFixture())).toBe(pending);
  });
});
