import type { Locale } from "@/lib/i18n/locales";

export type Messages = typeof import("./messages/nl.json");

/** The UI messages of one locale; nl.json and en.json have the same keys (tests/unit/i18n-messages.test.ts). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case "en":
      return (await import("./messages/en.json")).default;
    case "nl":
      return (await import("./messages/nl.json")).default;
  }
}
