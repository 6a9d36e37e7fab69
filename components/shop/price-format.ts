// Amounts and VAT rates as the shop shows them, in the reader's language.
import { formatEuroCents } from "@/lib/shop/vat";

export { formatEuroCents };

/** 2100 → "21%" / "21 %", 2550 → "25,5%". */
export function formatVatRate(rateBasisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(rateBasisPoints / 10_000);
}
