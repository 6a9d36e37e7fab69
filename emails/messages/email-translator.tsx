// next-intl's translator (ICU: plurals, rich text) over the email dictionaries, one per language.
// Every error throws, a missing message, value or tag alike, so a renamed key fails the tests
// instead of shipping "licenseExpiring.heading" or a raw "{days}".
import { createTranslator } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { emailMessages } from "./email-messages";

function translatorFor(locale: Locale) {
  return createTranslator({
    locale,
    messages: emailMessages[locale],
    onError: (error) => {
      throw error;
    },
  });
}

export type EmailTranslator = ReturnType<typeof translatorFor>;

const translators: Record<Locale, EmailTranslator> = { nl: translatorFor("nl"), en: translatorFor("en") };

export function emailTranslator(locale: Locale): EmailTranslator {
  return translators[locale];
}

/** The `<strong>` tag of rich messages: a name set in bold. */
export function strong(chunks: ReactNode): ReactNode {
  return <strong>{chunks}</strong>;
}
