// The UI messages (R29) per locale: the core file merged with the shop's and the back office's.
import backofficeEn from "./messages/backoffice.en.json";
import backofficeNl from "./messages/backoffice.nl.json";
import en from "./messages/en.json";
import nl from "./messages/nl.json";
import shopEn from "./messages/shop.en.json";
import shopNl from "./messages/shop.nl.json";
import type { Locale } from "./locales";

const nlCatalogue = { ...nl, ...shopNl, ...backofficeNl };

export type Messages = typeof nlCatalogue;

export const catalogues: Record<Locale, Messages> = {
  nl: nlCatalogue,
  en: { ...en, ...shopEn, ...backofficeEn },
};
