// Fills `{name}` placeholders. Text values are plain strings (React escapes them in the HTML);
// a placeholder without a value throws, so a renamed key fails the tests instead of shipping "{name}".
import { Fragment, type ReactNode } from "react";

const placeholderPattern = /\{(\w+)\}/g;

function valueFor<T>(values: Record<string, T>, name: string, template: string): T {
  if (!Object.hasOwn(values, name)) throw new Error(`Missing value for {${name}} in "${template}"`);
  return values[name] as T;
}

export function formatMessage(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(placeholderPattern, (_match, name: string) => String(valueFor(values, name, template)));
}

/** Like formatMessage, but values may be elements (e.g. a name in <strong>). */
export function formatRich(template: string, values: Record<string, ReactNode>): ReactNode {
  const parts = template.split(placeholderPattern);
  // split() with one capture group alternates literal text (even indexes) and placeholder names.
  return parts.map((part, index) => (
    <Fragment key={index}>{index % 2 === 0 ? part : valueFor(values, part, template)}</Fragment>
  ));
}

/** Subject lines are a single header line: a name with a line break must not start a new header. */
export function toSubjectLine(text: string): string {
  return text.replace(/[\r\n\t\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/\s{2,}/g, " ").trim();
}

/** "A", "A and B", "A, B and C" in the reader's language. */
export function formatList(locale: string, items: string[]): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}

/** "24 uur" / "24 hours", "30 minuten" / "30 minutes", with the right plural. */
export function formatDuration(locale: string, amount: number, unit: "hour" | "minute"): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(amount);
}
