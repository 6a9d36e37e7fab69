import { describe, expect, test } from "vitest";
import { ContactDetails, fieldErrors, NewAccount } from "@/lib/accounts/account-schemas";
import { Email, Locale, NewPassword, PersonName, Position, Title } from "@/lib/accounts/fields";

describe("field schemas", () => {
  test("Email trims and lower-cases, so one address is one identity", () => {
    expect(Email.parse("  Anna.de.Vries@Demo.EXAMPLE ")).toBe("anna.de.vries@demo.example");
    expect(Email.safeParse("anna@").success).toBe(false);
    expect(Email.safeParse("not an email").success).toBe(false);
    expect(Email.safeParse(`${"a".repeat(250)}@x.example`).success).toBe(false);
  });

  test("names and positions are required after trimming and keep their accents", () => {
    expect(PersonName.parse("  José ")).toBe("José");
    expect(PersonName.safeParse("   ").success).toBe(false);
    expect(Position.safeParse("").success).toBe(false);
  });

  test("Title and Locale accept only the model's values", () => {
    expect(Title.parse("DR")).toBe("DR");
    expect(Title.safeParse("SIR").success).toBe(false);
    expect(Locale.parse("en")).toBe("en");
    expect(Locale.safeParse("de").success).toBe(false);
  });

  test("NewPassword asks for length", () => {
    expect(NewPassword.safeParse("short-pass").success).toBe(false);
    expect(NewPassword.safeParse("Demo-Password-2026").success).toBe(true);
  });
});

describe("form schemas", () => {
  test("ContactDetails names every missing mandatory field (R14)", () => {
    const result = ContactDetails.safeParse({ firstName: "Zoë" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ title: "required", lastName: "required", position: "required", language: "required" });
  });

  test("NewAccount normalises the email and defaults the language to Dutch", () => {
    const account = NewAccount.parse({ email: " Jan@Demo.Example", firstName: "Jan", lastName: "Jansen" });
    expect(account).toMatchObject({ email: "jan@demo.example", language: "nl" });
  });
});
