import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ContactDetails, fieldErrors, NewAccount } from "@/lib/accounts/account-schemas";
import { FirstName, PersonName, Position } from "@/lib/accounts/fields";
import { CompanyName, VatNumber } from "@/lib/companies/company-fields";
import { ActivationRequest, Hostname, SignInRequest } from "@/lib/licensing-api/contract";
import { NewCompanyInput, PlaceOrderInput } from "@/lib/shop/order-input";
import { SalesLeadInput } from "@/lib/shop/sales-lead-input";
import {
  FORBIDDEN_CHARACTERS,
  isSafeMultiLineText,
  isSafeSingleLineText,
  multiLineText,
  singleLineText,
  withoutForbiddenCharacters,
} from "@/lib/validation/safe-text";

// Decision 014: every character class a text field must refuse, and honest text it must keep.
const controls = ["\u0000", "\u0001", "\u0008", "\u000B", "\u001B", "\u007F", "\u0080", "\u0085", "\u009F"];
const separators = ["\u2028", "\u2029"];
const bidiControls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
const loneSurrogates = ["\uD800", "\uDFFF", "a\uDC00b", "\uDBFFz"];
const honest = [
  "José Müller",
  "Özlem Yılmaz",
  "Nguyễn Văn An",
  "مريم",
  "שרה",
  "Zoë 🎉",
  "👩🏽‍💻 Dev",
  "O'Brien-Smith",
  "Jan;=1+41",
  "\u200F\u200E\u061C",
];

describe("single-line text (names, company fields, API strings)", () => {
  it.each([...controls, "\t", "\n", "\r", ...separators, ...bidiControls, ...loneSurrogates])("refuses %j inside the text", (character) => {
    expect(isSafeSingleLineText(`Jan${character}sen`)).toBe(false);
    const result = singleLineText().safeParse(`Jan${character}sen`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(FORBIDDEN_CHARACTERS);
  });

  it.each(honest)("keeps %j", (text) => {
    expect(isSafeSingleLineText(text)).toBe(true);
    expect(singleLineText().parse(` ${text} `)).toBe(text);
  });

  it("trims surrounding whitespace (a pasted tab or line break at the ends) before checking", () => {
    expect(singleLineText().parse("\tJan Jansen\r\n")).toBe("Jan Jansen");
  });
});

describe("multi-line text (messages, reasons)", () => {
  it("keeps line breaks and tabs", () => {
    expect(multiLineText().parse("Hallo,\r\n\tgraag een offerte.\nGroet")).toBe("Hallo,\r\n\tgraag een offerte.\nGroet");
    expect(isSafeMultiLineText("a\nb")).toBe(true);
  });

  it.each([...controls, ...separators, ...bidiControls, ...loneSurrogates])("refuses %j", (character) => {
    expect(isSafeMultiLineText(`regel${character}regel`)).toBe(false);
  });
});

describe("the shared field schemas use them", () => {
  it("names, positions and contact details give the field problem, not a database error later", () => {
    expect(fieldErrors(PersonName.safeParse("Jan\u0000").error!)).toEqual({ _: FORBIDDEN_CHARACTERS });
    expect(FirstName.safeParse("Nora\u202Eexe.gnp").success).toBe(false);
    expect(Position.safeParse("Tekenaar\u0007").success).toBe(false);
    const contact = ContactDetails.safeParse({
      title: "MR",
      firstName: "Jan\u0000",
      lastName: "Jansen",
      position: "Boss\u2028Baas",
      language: "nl",
    });
    expect(fieldErrors(contact.error!)).toEqual({ firstName: FORBIDDEN_CHARACTERS, position: FORBIDDEN_CHARACTERS });
    expect(NewAccount.safeParse({ email: "jan@example.com", firstName: "Jan", lastName: "Jansen", position: "x\u0000" }).success).toBe(
      false,
    );
  });

  it("company, shop and sales-lead fields", () => {
    expect(CompanyName.safeParse("Bouw\u0000 B.V.").success).toBe(false);
    expect(VatNumber.safeParse("NL\u202E123").success).toBe(false);
    expect(NewCompanyInput.safeParse({ name: "Bouw B.V.", country: "NL", vatNumber: "nl\u0000" }).success).toBe(false);
    expect(
      PlaceOrderInput.safeParse({
        companyId: "0b8f8a8e-4a3c-4f7e-9a55-1c2d3e4f5a6b",
        lines: [{ kind: "RENEWAL", licenseId: "0b8f8a8e-4a3c-4f7e-9a55-1c2d3e4f5a6b" }],
        idempotencyKey: "key-0123456789abcdef\u0000",
      }).success,
    ).toBe(false);
    expect(SalesLeadInput.safeParse({ companyName: "Bouw", country: "NL", email: "a@b.example", message: "Hallo\nwereld" }).success).toBe(
      true,
    );
    expect(SalesLeadInput.safeParse({ companyName: "Bouw", country: "NL", email: "a@b.example", message: "Hallo\u0000" }).success).toBe(
      false,
    );
  });

  it("the licensing API's request strings", () => {
    expect(Hostname.safeParse("pc\u0000").success).toBe(false);
    expect(SignInRequest.safeParse({ email: "a@b.example", password: "x", client: "PROFIS\u0000" }).success).toBe(false);
    expect(SignInRequest.safeParse({ email: "a@b.example\u0000", password: "x", client: "PROFIS" }).success).toBe(false);
    // A password is never stored as text (only its hash): any character may be in it.
    expect(SignInRequest.safeParse({ email: "a@b.example", password: "x\u0000y", client: "PROFIS" }).success).toBe(true);
    expect(ActivationRequest.safeParse({ activationKey: "KEY\u0000", fingerprint: "fingerprint-0123456789", hostname: "pc" }).success).toBe(
      false,
    );
  });
});

describe("withoutForbiddenCharacters (search boxes search for the rest)", () => {
  it("replaces each forbidden character by a space", () => {
    expect(withoutForbiddenCharacters("Vries\u0000\u202Ejan\uD800")).toBe("Vries  jan ");
    expect(withoutForbiddenCharacters("José 🎉")).toBe("José 🎉");
  });
});

it("refinements keep the schema a string schema (min/max chain after them)", () => {
  const Bounded = singleLineText().min(2, "short").max(3, "long");
  expect(Bounded.safeParse("a").error?.issues[0]?.message).toBe("short");
  expect(Bounded.safeParse("abcd").error?.issues[0]?.message).toBe("long");
  expect(z.object({ name: Bounded }).parse({ name: " ab " })).toEqual({ name: "ab" });
});
