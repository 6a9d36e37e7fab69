import { describe, expect, it } from "vitest";
import { en as emailEn } from "@/emails/messages/en";
import { nl as emailNl } from "@/emails/messages/nl";
import { catalogues as merged } from "@/lib/i18n/catalogues";
import { flattenMessages, icuArguments } from "./icu-messages";

const catalogues = { nl: flattenMessages(merged.nl), en: flattenMessages(merged.en) };

describe("UI messages (R29)", () => {
  it("has the same keys in Dutch and English", () => {
    expect([...catalogues.en.keys()].sort()).toEqual([...catalogues.nl.keys()].sort());
  });

  it.each(Object.entries(catalogues))("has no empty %s message", (_locale, messages) => {
    const empty = [...messages].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(Object.entries(catalogues))("uses the same placeholders, plurals and tags in %s as in Dutch", (_locale, messages) => {
    for (const [key, text] of messages) {
      expect(icuArguments(text), key).toEqual(icuArguments(catalogues.nl.get(key) ?? ""));
    }
  });

  it("names each license type as the UI does, in the mails too", () => {
    for (const [locale, mail] of [
      ["nl", emailNl],
      ["en", emailEn],
    ] as const) {
      for (const [type, name] of Object.entries(mail.licenseType))
        expect(name, `${locale} ${type}`).toBe(catalogues[locale].get(`licenseType.${type}`));
    }
  });

  it('never puts a period right after a name, which may end in one ("Vos Bouwadvies B.V..")', () => {
    const emailTexts = (tree: object): string[] =>
      Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : emailTexts(value as object)));
    const texts = [...catalogues.nl.values(), ...catalogues.en.values(), ...emailTexts(emailNl), ...emailTexts(emailEn)];
    // Read without tags: "<strong>{companyName}</strong>." ends in the same period.
    const withoutTags = (text: string) => text.replace(/<\/?\w+>/g, "");
    expect(texts.filter((text) => /\{(company|companyName|current|group)\}\./.test(withoutTags(text)))).toEqual([]);
  });

  it("uses the manual's vocabulary (SPEC §2)", () => {
    expect(catalogues.nl.get("nav.softwareManagement")).toBe("Software Beheer");
    expect(catalogues.en.get("nav.softwareManagement")).toBe("Software management");
    expect(catalogues.nl.get("nav.mySoftware")).toBe("Mijn software");
    expect(catalogues.en.get("nav.mySoftware")).toBe("My software");
    expect(catalogues.nl.get("userMenu.changeCompany")).toBe("Wijzig bedrijf");
    expect(catalogues.en.get("userMenu.changeCompany")).toBe("Change company");
  });
});
