// The building blocks of every free-text field (decision 014): a control character is a field error. No
// server-only: forms use them too.
import { z } from "zod";

/** The field problem; forms and the API translate it (fieldErrors.forbiddenCharacters). */
export const FORBIDDEN_CHARACTERS = "forbidden characters";

// C0, DEL, C1, U+2028/2029, the bidi embeddings, overrides and isolates ("Trojan Source"), U+FFFE/FFFF;
// marks and joiners stay (right-to-left names and emoji need them).
const FORBIDDEN_IN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;
/** The same, but line feed, carriage return and tab are text in a message. */
const FORBIDDEN_IN_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;
/** Half of a surrogate pair: not Unicode text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeSingleLineText(text: string): boolean {
  return !FORBIDDEN_IN_SINGLE_LINE.test(text) && !LONE_SURROGATE.test(text);
}

export function isSafeMultiLineText(text: string): boolean {
  return !FORBIDDEN_IN_MULTI_LINE.test(text) && !LONE_SURROGATE.test(text);
}

/** For search boxes, which search for the rest. */
export function withoutForbiddenCharacters(text: string): string {
  return text.replace(new RegExp(`${FORBIDDEN_IN_SINGLE_LINE.source}|${LONE_SURROGATE.source}`, "g"), " ");
}

type StringParams = Parameters<typeof z.string>[0];

/** A one-line field (names, titles, company fields, search boxes, API strings): trimmed, no control characters. */
export function singleLineText(params?: StringParams) {
  return z.string(params).trim().refine(isSafeSingleLineText, FORBIDDEN_CHARACTERS);
}

/** A text area (messages, reasons): trimmed; line breaks and tabs allowed, other control characters not. */
export function multiLineText(params?: StringParams) {
  return z.string(params).trim().refine(isSafeMultiLineText, FORBIDDEN_CHARACTERS);
}
