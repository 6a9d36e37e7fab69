// The UI messages (R29), one catalogue per locale. The core file holds the portal's namespaces;
// the shop and the back office keep theirs in files of their own, merged here, so the catalogues
// stay readable. nl and en have the same keys (tests/unit/i18n-messages.test.ts).
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
