// The checkout's address (lib/shop/checkout-line.ts) and the group page's purchase links
// (lib/shop/license-purchase-links.ts): what to buy travels in the address, never a price.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { GridLicense } from "@/lib/assignments/license-group-grid";
import { checkoutHref, checkoutLineFromSearchParams } from "@/lib/shop/checkout-line";
import { isLicenseFull, licensePurchaseLinks } from "@/lib/shop/license-purchase-links";

const params = (href: string) => Object.fromEntries(new URL(href, "http://shop.test").searchParams);

describe("checkout line in the address", () => {
  it("round-trips each kind of line", () => {
    const licenseId = randomUUID();
    for (const line of [
      { kind: "NEW_LICENSE", productCode: "PROFIS_ENGINEERING", edition: "STANDARD", type: "FLOATING", seats: 3 },
      { kind: "ADD_SEATS", licenseId, seats: 1 },
      { kind: "RENEWAL", licenseId },
    ] as const) {
      const href = checkoutHref(line);
      expect(href.startsWith("/shop/checkout?")).toBe(true);
      expect(checkoutLineFromSearchParams(params(href))).toEqual(line);
    }
  });

  it("reads Enterprise (so the page can send it to sales) and nothing it does not understand", () => {
    expect(
      checkoutLineFromSearchParams({ product: "PROFIS_ENGINEERING", edition: "ENTERPRISE", type: "NAMED_USER", seats: "2" }),
    ).toMatchObject({ edition: "ENTERPRISE", seats: 2 });
    expect(checkoutLineFromSearchParams({})).toBeNull();
    expect(checkoutLineFromSearchParams({ product: "PROFIS_ENGINEERING", edition: "STANDARD", type: "FLOATING", seats: "0" })).toBeNull();
    expect(checkoutLineFromSearchParams({ kind: "RENEWAL", license: "not-an-id" })).toBeNull();
    expect(checkoutLineFromSearchParams({ kind: "REFUND", license: randomUUID() })).toBeNull();
  });
});

describe("purchase links of a license", () => {
  const license = (overrides: Partial<GridLicense>): GridLicense => ({
    id: randomUUID(),
    parts: [],
    activatedCount: 0,
    productCode: "PROFIS_ENGINEERING",
    productName: "PROFIS Engineering",
    productKind: "WEB",
    type: "NAMED_USER",
    edition: "STANDARD",
    seats: 2,
    assignedCount: 2,
    seatHolders: [],
    validFrom: "2026-01-01T00:00:00.000Z",
    validUntil: "2027-01-01T00:00:00.000Z",
    isExpired: false,
    ...overrides,
  });

  it("offers one more seat when a counted license is full, and always another year", () => {
    const full = license({});
    const links = licensePurchaseLinks(full, { onlyWhenFull: true });
    expect(links).toMatchObject({ salesOnly: false, oneMoreSeat: { isNewLicense: false } });
    if (links.salesOnly) throw new Error("unexpected");
    expect(checkoutLineFromSearchParams(params(links.oneMoreSeat!.href))).toEqual({ kind: "ADD_SEATS", licenseId: full.id, seats: 1 });
    expect(checkoutLineFromSearchParams(params(links.extendOneYear))).toEqual({ kind: "RENEWAL", licenseId: full.id });
    expect(licensePurchaseLinks(license({ assignedCount: 1 }), { onlyWhenFull: true })).toMatchObject({ oneMoreSeat: null });
  });

  it("counts floating seats by live leases, and offers a node-locked license as another license", () => {
    expect(isLicenseFull(license({ type: "FLOATING", assignedCount: 10, seatHolders: [] }))).toBe(false);
    expect(
      isLicenseFull(
        license({
          type: "FLOATING",
          seats: 1,
          seatHolders: [{ userId: randomUUID(), expiresAt: "2026-06-01T00:00:00Z", holder: "browser" }],
        }),
      ),
    ).toBe(true);
    const nodeLocked = licensePurchaseLinks(
      license({ productCode: "PROFIS_LAYOUT_OFFICE", type: "NODE_LOCKED", seats: 1, assignedCount: 1 }),
      { onlyWhenFull: true },
    );
    if (nodeLocked.salesOnly || !nodeLocked.oneMoreSeat) throw new Error("expected a link");
    expect(nodeLocked.oneMoreSeat.isNewLicense).toBe(true);
    expect(checkoutLineFromSearchParams(params(nodeLocked.oneMoreSeat.href))).toEqual({
      kind: "NEW_LICENSE",
      productCode: "PROFIS_LAYOUT_OFFICE",
      edition: "STANDARD",
      type: "NODE_LOCKED",
      seats: 1,
    });
  });

  it("R6: Enterprise goes through sales; an expired license gets no seats, only another year", () => {
    expect(licensePurchaseLinks(license({ edition: "ENTERPRISE" }), { onlyWhenFull: true })).toEqual({ salesOnly: true });
    const expired = license({ isExpired: true });
    const expiredLinks = licensePurchaseLinks(expired, { onlyWhenFull: true });
    expect(expiredLinks).toMatchObject({ salesOnly: false, oneMoreSeat: null });
    if (expiredLinks.salesOnly) throw new Error("unexpected");
    expect(checkoutLineFromSearchParams(params(expiredLinks.extendOneYear))).toEqual({ kind: "RENEWAL", licenseId: expired.id });
    // Without onlyWhenFull a running license always offers a seat, full or not.
    expect(licensePurchaseLinks(license({ assignedCount: 0 }), { onlyWhenFull: false })).toMatchObject({
      oneMoreSeat: { isNewLicense: false },
    });
  });
});
