// The language of an API answer's texts by Accept-Language (R29), Dutch by default; codes and field names
// never change with it.
import { createTranslator, IntlErrorCode } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";

const catalogues = { nl: nl.api, en: en.api } as const;

// next-intl's translator (ICU: plurals, numbers) per language. A missing message throws (the
// catalogue test finds it); a missing value leaves the message as written, placeholders visible.
const translators = {
  nl: translatorFor("nl"),
  en: translatorFor("en"),
};

function translatorFor(locale: Locale) {
  return createTranslator({
    locale,
    messages: { api: catalogues[locale] },
    namespace: "api",
    onError: (error) => {
      if (error.code === IntlErrorCode.MISSING_MESSAGE) throw error;
    },
    getMessageFallback: ({ key }) => rawMessage(locale, key),
  }) as unknown as (key: string, values: MessageValues) => string;
}

function rawMessage(locale: Locale, key: string): string {
  let node: unknown = catalogues[locale];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== "string") throw new Error(`Missing API message ${locale}:api.${key}`);
  return node;
}

/** RFC 9110 §12.5.4: the supported language with the highest weight; `*` stands for the default. */
export function negotiateApiLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranges = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((entry, index) => {
      const [tag = "", ...parameters] = entry.trim().split(";");
      const weight = parameters.map((parameter) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(parameter)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", quality: weight === undefined ? 1 : Number(weight), index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    if (range.language === "*") return defaultLocale;
    if (isLocale(range.language)) return range.language;
  }
  return defaultLocale;
}

export type MessageValues = Record<string, string | number>;

/** A message of the "api" namespace, e.g. apiMessage("en", "problems.NOT_FOUND"), with its values filled in. */
export function apiMessage(locale: Locale, key: string, values: MessageValues = {}): string {
  // Keys are built from problem codes at run time; the catalogue test checks every code has one.
  return translators[locale](key, values);
}
