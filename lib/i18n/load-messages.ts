import { catalogues, type Messages } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/locales";

export type { Messages };

/** The UI messages of one locale; nl and en have the same keys (tests/unit/i18n-messages.test.ts). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return catalogues[locale];
}
