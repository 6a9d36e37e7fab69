// Field schemas shared by forms (client) and use cases (server), so both validate alike.
import { z } from "zod";
import type { Locale as LocaleValue, Title as TitleValue } from "@prisma/client";
import { locales } from "@/lib/i18n/locales";
import { singleLineText } from "@/lib/validation/safe-text";

/** A missing value reads "required" (R14: the form names the missing mandatory fields). */
const required = { error: (issue: { input: unknown }) => (issue.input === undefined || issue.input === null ? "required" : "invalid") };

/** Stored trimmed and lower-cased (CHECK user_email_lowercase), so lookups are case-insensitive. */
export const Email = z.string(required).trim().toLowerCase().max(254, "too long").pipe(z.email("must be an email address"));

/** One line of text: no control characters, no bidi overrides (decision 014). */
export const PersonName = singleLineText(required).min(1, "required").max(100, "too long");
export const FirstName = PersonName;
export const LastName = PersonName;
export const Position = singleLineText(required).min(1, "required").max(100, "too long");
/** Registration and profile may leave it empty. */
export const OptionalPosition = singleLineText().max(100, "too long");

export const titles = ["MR", "MS", "MX", "DR"] as const satisfies readonly TitleValue[];
export const Title = z.enum(titles, required);

export { locales };
export const Locale = z.enum(locales, required);

/** R9: length is what matters; no composition rules (the rest is password-policy.ts). */
export const NewPassword = z.string(required).min(12, "at least 12 characters").max(200, "too long");

// Compile-time guard: a value added to Prisma's enums must be added here too.
type Exhausted<Listed, Declared> = [Declared] extends [Listed] ? true : never;
const titlesAreComplete: Exhausted<(typeof titles)[number], TitleValue> = true;
const localesAreComplete: Exhausted<(typeof locales)[number], LocaleValue> = true;
void titlesAreComplete;
void localesAreComplete;
