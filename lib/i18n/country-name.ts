import type { Locale } from "@/lib/i18n/locales";

/** "NL" → "Nederland" (nl) / "Netherlands" (en); an unknown code is shown as it is. */
export function countryName(countryCode: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(countryCode.trim().toUpperCase()) ?? countryCode;
  } catch {
    return countryCode;
  }
}
