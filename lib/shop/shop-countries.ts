// The countries the checkout and the sales form offer: the EU and the vendor's other markets (export, no VAT).
import { countryName } from "@/lib/i18n/country-name";
import type { Locale } from "@/lib/i18n/locales";
import { euStandardVatRates } from "@/lib/shop/vat";

const shopCountryCodes: readonly string[] = [...Object.keys(euStandardVatRates), "CH", "GB", "NO", "US"];

export function shopCountryOptions(locale: Locale): { code: string; label: string }[] {
  return shopCountryCodes
    .map((code) => ({ code, label: countryName(code, locale) }))
    .sort((left, right) => left.label.localeCompare(right.label, locale));
}
