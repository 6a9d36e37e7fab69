import { describe, expect, it } from "vitest";
import { apiMessage, negotiateApiLocale } from "@/lib/api/api-locale";
import { problemStatus } from "@/lib/licensing-api/contract";

describe("the API's language (R29): Accept-Language, Dutch by default", () => {
  it.each([
    [null, "nl"],
    ["", "nl"],
    ["en", "en"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR, en-US;q=0.8, nl;q=0.9", "nl"],
    ["fr-FR, de;q=0.9", "nl"],
    ["en;q=0, nl-BE", "nl"],
    ["*", "nl"],
    ["de, *;q=0.5, en;q=0.4", "nl"],
    ["EN-us", "en"],
    ["en;q=abc", "en"],
  ])("%j → %s", (header, locale) => {
    expect(negotiateApiLocale(header)).toBe(locale);
  });
});

describe("problem details", () => {
  it.each(Object.keys(problemStatus))("%s has a detail in Dutch and English", (code) => {
    expect(apiMessage("nl", `problems.${code}`)).not.toBe("");
    expect(apiMessage("en", `problems.${code}`)).not.toBe("");
  });

  it("fills in placeholders and leaves unknown ones visible", () => {
    expect(apiMessage("en", "problems.ACTIVATION_LIMIT", { hostname: "NL-WS-01" })).toContain("NL-WS-01");
    expect(apiMessage("en", "problems.ACTIVATION_LIMIT")).toContain("{hostname}");
  });

  it("says one second and several seconds in both languages (ICU plurals)", () => {
    expect(apiMessage("en", "problems.OVERLOADED", { seconds: 1 })).toBe("This server is too busy right now. Try again in 1 second.");
    expect(apiMessage("en", "problems.OVERLOADED", { seconds: 5 })).toBe("This server is too busy right now. Try again in 5 seconds.");
    expect(apiMessage("nl", "problems.DATABASE_UNAVAILABLE", { seconds: 1 })).toBe(
      "De database is even niet bereikbaar. Probeer het over 1 seconde opnieuw.",
    );
    expect(apiMessage("nl", "problems.DATABASE_UNAVAILABLE", { seconds: 5 })).toBe(
      "De database is even niet bereikbaar. Probeer het over 5 seconden opnieuw.",
    );
  });

  it("refuses a key that has no message", () => {
    expect(() => apiMessage("en", "problems.NO_SUCH_PROBLEM")).toThrow();
  });
});
