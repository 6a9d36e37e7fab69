// Free text typed by people or sent by programs (issue 13): every text field is built on these, so
// a control character is a field error everywhere instead of PostgreSQL's "invalid byte sequence"
// (NUL) or an invisible spoof (bidi overrides) — decision 014. No server-only: forms use them too.
import { z } from "zod";

/** The field problem; forms and the API translate it (fieldErrors.forbiddenCharacters). */
export const FORBIDDEN_CHARACTERS = "forbidden characters";

// C0 controls, DEL and C1 controls; the line and paragraph separators U+2028/2029; the bidi
// embeddings, overrides and isolates (U+202A–202E, U+2066–2069: "Trojan Source" spoofing, e.g. a
// name that reads "…exe.gnp" as "…png.exe"); the noncharacters U+FFFE/FFFF. Marks (LRM, RLM, ALM)
// and joiners stay: right-to-left names and emoji need them.
const FORBIDDEN_IN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;
/** The same, but line feed, carriage return and tab are text in a message. */
const FORBIDDEN_IN_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;
/** Half of a surrogate pair without the other half: not Unicode text; stored it would turn into U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeSingleLineText(text: string): boolean {
  return !FORBIDDEN_IN_SINGLE_LINE.test(text) && !LONE_SURROGATE.test(text);
}

export function isSafeMultiLineText(text: string): boolean {
  return !FORBIDDEN_IN_MULTI_LINE.test(text) && !LONE_SURROGATE.test(text);
}

/** The text with every forbidden character replaced by a space: for search boxes, which search for the rest. */
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
