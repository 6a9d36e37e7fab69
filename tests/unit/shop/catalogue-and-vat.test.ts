import { describe, expect, it } from "vitest";
import { findCatalogueProduct, maxSeatsPerLine, renewedValidUntil, shopCatalogue, termEndFrom, unitPriceCents } from "@/lib/shop/catalogue";
import { PlaceOrderInput } from "@/lib/shop/order-input";
import { formatEuroCents, orderAmounts, storedVatTreatment, vatRateDecimal, vatRuleFor } from "@/lib/shop/vat";

describe("shop catalogue (R6)", () => {
  it("lists the manual's three products with the license types of their kind", () => {
    expect(shopCatalogue.map((product) => [product.code, product.kind])).toEqual([
      ["PROFIS_ENGINEERING", "WEB"],
      ["PROFIS_LAYOUT_OFFICE", "DESKTOP"],
      ["PROFIS_DETECTION_OFFICE", "DESKTOP"],
    ]);
    for (const product of shopCatalogue) {
      const allowed = product.kind === "WEB" ? ["NAMED_USER", "FLOATING"] : ["NODE_LOCKED", "FLOATING"];
      for (const edition of product.editions) {
        const types = edition.purchasable ? edition.offers.map((offer) => offer.type) : edition.types;
        for (const type of types) expect(allowed, `${product.code} ${edition.edition}`).toContain(type);
        if (edition.purchasable) for (const offer of edition.offers) expect(offer.unitPriceCents).toBeGreaterThan(0);
      }
    }
  });

  it("shows PROFIS Engineering Enterprise but never prices it (contact sales)", () => {
    const enterprise = findCatalogueProduct("PROFIS_ENGINEERING")?.editions.find((edition) => edition.edition === "ENTERPRISE");
    expect(enterprise).toMatchObject({ purchasable: false });
    expect(unitPriceCents("PROFIS_ENGINEERING", "ENTERPRISE", "NAMED_USER")).toBeNull();
    expect(unitPriceCents("PROFIS_ENGINEERING", "ENTERPRISE", "FLOATING")).toBeNull();
  });

  it("prices only combinations it sells", () => {
    expect(unitPriceCents("PROFIS_ENGINEERING", "STANDARD", "NAMED_USER")).toBe(49_000);
    expect(unitPriceCents("PROFIS_ENGINEERING", "STANDARD", "NODE_LOCKED")).toBeNull();
    expect(unitPriceCents("PROFIS_LAYOUT_OFFICE", "STANDARD", "NAMED_USER")).toBeNull();
    expect(unitPriceCents("PROFIS_DETECTION_OFFICE", "PREMIUM", "FLOATING")).toBeNull();
    expect(unitPriceCents("NO_SUCH_PRODUCT", "STANDARD", "FLOATING")).toBeNull();
  });

  it("caps a line's seats by type: node-locked seats are licenses of their own", () => {
    expect(maxSeatsPerLine("NODE_LOCKED")).toBe(50);
    expect(maxSeatsPerLine("FLOATING")).toBe(1_000);
    expect(maxSeatsPerLine("NAMED_USER")).toBe(1_000);
  });

  it("R31: a term is 365 days; a renewal counts from the old end, or from now once it has ended", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    expect(termEndFrom(now)).toEqual(new Date("2027-06-01T12:00:00Z"));
    expect(renewedValidUntil(new Date("2026-06-11T12:00:00Z"), now)).toEqual(new Date("2027-06-11T12:00:00Z"));
    expect(renewedValidUntil(new Date("2026-01-01T00:00:00Z"), now)).toEqual(new Date("2027-06-01T12:00:00Z"));
    // Ending exactly now counts as ended: the year starts now either way.
    expect(renewedValidUntil(now, now)).toEqual(new Date("2027-06-01T12:00:00Z"));
  });
});

describe("VAT by buyer country (seller in NL)", () => {
  it.each([
    [{ country: "NL" }, "DOMESTIC", 2100],
    [{ country: "NL", vatNumber: "NL123456789B01" }, "DOMESTIC", 2100],
    [{ country: "BE", vatNumber: "BE0123456789" }, "REVERSE_CHARGE", 0],
    [{ country: "DE", vatNumber: "DE123456789" }, "REVERSE_CHARGE", 0],
    [{ country: "BE" }, "DESTINATION_RATE", 2100],
    [{ country: "DE", vatNumber: "  " }, "DESTINATION_RATE", 1900],
    [{ country: "lu" }, "DESTINATION_RATE", 1700],
    [{ country: "CH" }, "EXPORT", 0],
    [{ country: "GB", vatNumber: "GB123456789" }, "EXPORT", 0],
  ] as const)("%o → %s %i", (buyer, treatment, rateBasisPoints) => {
    expect(vatRuleFor(buyer)).toEqual({ treatment, rateBasisPoints });
  });

  it.each([
    [2100, "NL", "DOMESTIC"],
    [1900, "DE", "DESTINATION_RATE"],
    [0, "BE", "REVERSE_CHARGE"],
    [0, "CH", "EXPORT"],
  ] as const)("a stored order at %i bp for a buyer in %s was %s", (vatRateBasisPoints, country, treatment) => {
    expect(storedVatTreatment({ vatRateBasisPoints, country })).toBe(treatment);
  });

  it("adds VAT over the net total in whole cents, half up", () => {
    expect(orderAmounts(49_000, { treatment: "DOMESTIC", rateBasisPoints: 2100 })).toMatchObject({
      netCents: 49_000,
      vatCents: 10_290,
      totalCents: 59_290,
    });
    // 0.5 cent rounds up: 50 × 21 % = 10.5 → 11.
    expect(orderAmounts(50, { treatment: "DOMESTIC", rateBasisPoints: 2100 })).toMatchObject({ vatCents: 11, totalCents: 61 });
    expect(orderAmounts(12_345, { treatment: "REVERSE_CHARGE", rateBasisPoints: 0 })).toMatchObject({ vatCents: 0, totalCents: 12_345 });
    expect(() => orderAmounts(-1, { treatment: "DOMESTIC", rateBasisPoints: 2100 })).toThrow(RangeError);
  });

  it("stores the rate as Order.vatRate's decimal and formats amounts per language", () => {
    expect(vatRateDecimal(2100)).toBe("0.2100");
    expect(vatRateDecimal(2550)).toBe("0.2550");
    expect(vatRateDecimal(0)).toBe("0.0000");
    expect(formatEuroCents(123_456, "nl")).toMatch(/€\s?1\.234,56/);
    expect(formatEuroCents(123_456, "en")).toBe("€1,234.56");
  });
});

describe("checkout input", () => {
  const key = "checkout-0123456789abcdef";
  const line = { kind: "NEW_LICENSE", productCode: "PROFIS_ENGINEERING", edition: "STANDARD", type: "FLOATING", seats: 3 } as const;

  it("needs exactly one of an existing company and a new one", () => {
    expect(PlaceOrderInput.safeParse({ lines: [line], idempotencyKey: key }).success).toBe(false);
    const both = PlaceOrderInput.safeParse({
      companyId: crypto.randomUUID(),
      newCompany: { name: "X", country: "NL" },
      lines: [line],
      idempotencyKey: key,
    });
    expect(both.success).toBe(false);
    expect(
      PlaceOrderInput.safeParse({ newCompany: { name: " Bouw B.V. ", country: "nl", vatNumber: "" }, lines: [line], idempotencyKey: key })
        .data,
    ).toMatchObject({
      newCompany: { name: "Bouw B.V.", country: "NL", vatNumber: undefined },
    });
  });

  it("refuses zero, fractional and huge seat counts and unknown line kinds", () => {
    for (const seats of [0, 1.5, 1_001]) {
      expect(PlaceOrderInput.safeParse({ companyId: crypto.randomUUID(), lines: [{ ...line, seats }], idempotencyKey: key }).success).toBe(
        false,
      );
    }
    expect(
      PlaceOrderInput.safeParse({ companyId: crypto.randomUUID(), lines: [{ ...line, kind: "GIFT" }], idempotencyKey: key }).success,
    ).toBe(false);
    expect(PlaceOrderInput.safeParse({ companyId: crypto.randomUUID(), lines: [], idempotencyKey: key }).success).toBe(false);
  });
});
