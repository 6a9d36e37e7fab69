// R6: what the shop sells, with demo prices per seat for one year, in euro cents excluding VAT; the server
// prices every line from here. Enterprise is listed but sold by the back office only ("Contact sales").
import type { LicenseEdition, LicenseType, ProductKind } from "@prisma/client";
import { DomainError } from "@/lib/errors";
import type { ProductCode } from "@/lib/products/ensure-product-catalogue";

/** Every license bought online runs for one year from the purchase (or from its old end, R31 renewals). */
export const TERM_DAYS = 365;

/** Upper bound of seats on one order line; larger deals go through sales. */
export const MAX_SEATS_PER_LINE = 1_000;

/** A node-locked license has one seat, so each seat bought is a license of its own. */
export const MAX_NODE_LOCKED_PER_LINE = 50;

const DAY_MS = 24 * 60 * 60 * 1000;

export function maxSeatsPerLine(type: LicenseType): number {
  return type === "NODE_LOCKED" ? MAX_NODE_LOCKED_PER_LINE : MAX_SEATS_PER_LINE;
}

export function termEndFrom(start: Date): Date {
  return new Date(start.getTime() + TERM_DAYS * DAY_MS);
}

/** R31: a renewal adds one term to the license's end, or to now when it has already ended. */
export function renewedValidUntil(validUntil: Date, now: Date): Date {
  return termEndFrom(validUntil > now ? validUntil : now);
}

/** A seat added to a running license costs the year's price for the days left (rounded up, at most a term). */
export function proRataUnitPriceCents(yearPriceCents: number, validUntil: Date, now: Date): { unitPriceCents: number; daysLeft: number } {
  const daysLeft = Math.min(TERM_DAYS, Math.max(0, Math.ceil((validUntil.getTime() - now.getTime()) / DAY_MS)));
  return { unitPriceCents: Math.round((yearPriceCents * daysLeft) / TERM_DAYS), daysLeft };
}

export type CatalogueOffer = { type: LicenseType; unitPriceCents: number };

type CatalogueEdition =
  | { edition: LicenseEdition; purchasable: true; offers: CatalogueOffer[] }
  | { edition: LicenseEdition; purchasable: false; types: LicenseType[] };

export type CatalogueProduct = { code: ProductCode; name: string; kind: ProductKind; editions: CatalogueEdition[] };

export const shopCatalogue: readonly CatalogueProduct[] = [
  {
    code: "PROFIS_ENGINEERING",
    name: "PROFIS Engineering",
    kind: "WEB",
    editions: [
      {
        edition: "STANDARD",
        purchasable: true,
        offers: [
          { type: "NAMED_USER", unitPriceCents: 49_000 },
          { type: "FLOATING", unitPriceCents: 89_000 },
        ],
      },
      {
        edition: "PREMIUM",
        purchasable: true,
        offers: [
          { type: "NAMED_USER", unitPriceCents: 79_000 },
          { type: "FLOATING", unitPriceCents: 139_000 },
        ],
      },
      // R6: back office only.
      { edition: "ENTERPRISE", purchasable: false, types: ["NAMED_USER", "FLOATING"] },
    ],
  },
  {
    code: "PROFIS_LAYOUT_OFFICE",
    name: "PROFIS Layout Office",
    kind: "DESKTOP",
    editions: [
      {
        edition: "STANDARD",
        purchasable: true,
        offers: [
          { type: "NODE_LOCKED", unitPriceCents: 59_000 },
          { type: "FLOATING", unitPriceCents: 99_000 },
        ],
      },
      {
        edition: "PREMIUM",
        purchasable: true,
        offers: [
          { type: "NODE_LOCKED", unitPriceCents: 89_000 },
          { type: "FLOATING", unitPriceCents: 149_000 },
        ],
      },
    ],
  },
  {
    code: "PROFIS_DETECTION_OFFICE",
    name: "PROFIS Detection Office",
    kind: "DESKTOP",
    editions: [
      {
        edition: "STANDARD",
        purchasable: true,
        offers: [
          { type: "NODE_LOCKED", unitPriceCents: 39_000 },
          { type: "FLOATING", unitPriceCents: 69_000 },
        ],
      },
    ],
  },
];

export const shopProductCodes = shopCatalogue.map((product) => product.code) as [ProductCode, ...ProductCode[]];

export function findCatalogueProduct(code: string): CatalogueProduct | undefined {
  return shopCatalogue.find((product) => product.code === code);
}

/** R6: Enterprise, whatever the product. */
export function isSoldBySalesOnly(edition: LicenseEdition): boolean {
  return edition === "ENTERPRISE";
}

/** R6: the refusal of an Enterprise line, however it reached the shop. */
export function enterpriseRefused(): DomainError {
  return new DomainError("FORBIDDEN", "PROFIS Engineering Enterprise is sold by our sales team only", {
    reason: "ENTERPRISE_NOT_SOLD_ONLINE",
  });
}

/** The price of one seat for one year, or null when the combination is not sold online. */
export function unitPriceCents(productCode: string, edition: LicenseEdition, type: LicenseType): number | null {
  if (isSoldBySalesOnly(edition)) return null;
  const catalogueEdition = findCatalogueProduct(productCode)?.editions.find((entry) => entry.edition === edition);
  if (!catalogueEdition?.purchasable) return null;
  return catalogueEdition.offers.find((offer) => offer.type === type)?.unitPriceCents ?? null;
}
