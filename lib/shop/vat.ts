// VAT on an online order (R6) by a Dutch seller to businesses: Dutch VAT in NL, reverse charge in the EU with a
// VAT number, else the buyer's country's rate (digital services are taxed where the customer is), none outside
// the EU. Rates in basis points (2100 = 21 %), amounts in euro cents; 2025 standard rates, a demo table.
type VatTreatment = "DOMESTIC" | "REVERSE_CHARGE" | "DESTINATION_RATE" | "EXPORT";

const SELLER_COUNTRY = "NL";

export const euStandardVatRates: Readonly<Record<string, number>> = {
  AT: 2000,
  BE: 2100,
  BG: 2000,
  CY: 1900,
  CZ: 2100,
  DE: 1900,
  DK: 2500,
  EE: 2200,
  ES: 2100,
  FI: 2550,
  FR: 2000,
  GR: 2400,
  HR: 2500,
  HU: 2700,
  IE: 2300,
  IT: 2200,
  LT: 2100,
  LU: 1700,
  LV: 2100,
  MT: 1800,
  NL: 2100,
  PL: 2300,
  PT: 2300,
  RO: 1900,
  SE: 2500,
  SI: 2200,
  SK: 2300,
};

export type VatRule = { treatment: VatTreatment; rateBasisPoints: number };

export function vatRuleFor(buyer: { country: string; vatNumber?: string | null }): VatRule {
  const country = buyer.country.trim().toUpperCase();
  const euRate = euStandardVatRates[country];
  if (euRate === undefined) return { treatment: "EXPORT", rateBasisPoints: 0 };
  if (country === SELLER_COUNTRY) return { treatment: "DOMESTIC", rateBasisPoints: euRate };
  if (buyer.vatNumber && buyer.vatNumber.trim() !== "") return { treatment: "REVERSE_CHARGE", rateBasisPoints: 0 };
  return { treatment: "DESTINATION_RATE", rateBasisPoints: euRate };
}

/** The treatment of a stored order, from its rate and the company's country. */
export function storedVatTreatment(order: { vatRateBasisPoints: number; country: string }): VatTreatment {
  if (order.vatRateBasisPoints > 0) return order.country.trim().toUpperCase() === SELLER_COUNTRY ? "DOMESTIC" : "DESTINATION_RATE";
  return Object.hasOwn(euStandardVatRates, order.country) ? "REVERSE_CHARGE" : "EXPORT";
}

type OrderAmounts = { netCents: number; vatCents: number; totalCents: number; rateBasisPoints: number; treatment: VatTreatment };

/** VAT over the order's net total, rounded half up to the cent (one rounding per invoice). */
export function orderAmounts(netCents: number, rule: VatRule): OrderAmounts {
  if (!Number.isSafeInteger(netCents) || netCents < 0) throw new RangeError("netCents must be a whole, non-negative number of cents");
  const vatCents = Math.floor((netCents * rule.rateBasisPoints + 5_000) / 10_000);
  return { netCents, vatCents, totalCents: netCents + vatCents, rateBasisPoints: rule.rateBasisPoints, treatment: rule.treatment };
}

/** Order.vatRate (Decimal(5,4)): 2100 → "0.2100". */
export function vatRateDecimal(rateBasisPoints: number): string {
  return (rateBasisPoints / 10_000).toFixed(4);
}

export function formatEuroCents(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100);
}
