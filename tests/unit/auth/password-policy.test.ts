import { expect, test } from "vitest";
import { checkNewPassword, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";

const email = "jan.de.vries@bouwbedrijf.example";

test("length is what counts: at least 12 characters, no composition rules", () => {
  expect(checkNewPassword("kort-genoeg", { email })).toBe("too-short");
  expect(checkNewPassword("twaalf tekens", { email })).toBeNull();
  // Only lower-case letters and spaces: accepted, no class rules.
  expect(checkNewPassword("paard batterij nietje", { email })).toBeNull();
});

test("counts characters, not bytes or UTF-16 units", () => {
  expect(checkNewPassword("ëëëëëëëëëëë", { email })).toBe("too-short");
  expect(checkNewPassword("🔑🏗️📐🧱🚧🔩🪛🏢🌉🧰📏🦺", { email })).toBeNull();
});

test("accepts at least 128 characters and refuses beyond the maximum", () => {
  expect(PASSWORD_MAX_LENGTH).toBeGreaterThanOrEqual(128);
  expect(checkNewPassword("a lengthy passphrase ".repeat(7).slice(0, 128), { email })).toBeNull();
  expect(checkNewPassword("x".repeat(PASSWORD_MAX_LENGTH + 1), { email })).toBe("too-long");
});

test("refuses passwords from the shipped common-password list, in any case", () => {
  for (const common of ["qwerty123456", "1qaz2wsx3edc", "123qweasdzxc", "passwordpassword", "Administrator"]) {
    expect.soft(checkNewPassword(common, { email }), common).toBe("common");
  }
  expect(checkNewPassword("QWERTY123456", { email })).toBe("common");
});

test("refuses the email address itself, or its name part", () => {
  expect(checkNewPassword(email, { email })).toBe("contains-email");
  expect(checkNewPassword(email.toUpperCase(), { email })).toBe("contains-email");
  expect(checkNewPassword(`my ${email} pass`, { email })).toBe("contains-email");
  expect(checkNewPassword("Jan-De-Vries!", { email: "jandevries@x.example" })).toBe("contains-email");
});

test("refuses Dutch and English passwords that are easy to guess, though not on the common list", () => {
  // The walk-through's finds: a Dutch word with digits passed while "password1234" was refused.
  for (const guessable of ["wachtwoord12345", "Welkom123456", "Amsterdam12345", "password12345678"]) {
    expect.soft(checkNewPassword(guessable, { email }), guessable).toMatch(/^(guessable|common)$/);
  }
  expect(checkNewPassword("wachtwoord12345", { email })).toBe("guessable");
  expect(checkNewPassword("Welkom123456", { email })).toBe("guessable");
  // Twelve times one character, or a keyboard row, is no better in any language.
  expect(checkNewPassword("🔑".repeat(12), { email })).toBe("guessable");
  expect(checkNewPassword("asdfghjkl;'#", { email })).toBe("guessable");
});

test("passphrases of a few words pass in Dutch and English", () => {
  for (const fine of ["paard batterij nietje", "Geheim-wachtwoord-2024", "correct horse battery staple", "Demo-Password-2026"]) {
    expect.soft(checkNewPassword(fine, { email }), fine).toBeNull();
  }
});
