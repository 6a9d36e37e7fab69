// Formatting that ICU messages do not cover: the subject header line and lists of names.

/** Subject lines are a single header line: a name with a line break must not start a new header. */
export function toSubjectLine(text: string): string {
  return text
    .replace(/[\r\n\t\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** "A", "A and B", "A, B and C" in the reader's language. */
export function formatList(locale: string, items: string[]): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}
