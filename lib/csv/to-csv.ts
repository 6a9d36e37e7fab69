// CSV exports (R24 audit log, the grid of issue 5) that open correctly in Excel and cannot attack
// whoever opens them. No CSV library is installed, and RFC 4180 writing is a few lines:
// - cells are separated by the reader's list separator: Excel opens a .csv with the one of the
//   Windows region, a semicolon in the Netherlands and Belgium (where the comma is the decimal
//   sign), a comma in English-speaking ones — so the export follows the person's language (R29);
// - fields with the separator, a quote, CR or LF are quoted, quotes doubled; rows end with CRLF;
// - a text cell starting with = + - @ (or a tab / CR, which Excel strips before looking) is
//   prefixed with ' so a spreadsheet shows it as text instead of running it as a formula (CSV
//   injection, OWASP); names and reasons come from users, so every text cell is guarded;
// - the file starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as Windows-1252.
//   (A "sep=;" first line would also pick the separator, but Excel then ignores the BOM.)
import type { Locale } from "@/lib/i18n/locales";

export type CsvCell = string | number | boolean | Date | null | undefined;
export type CsvSeparator = "," | ";";

export const UTF8_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const QUOTE_TRIGGERS = { ",": /[",\r\n]/, ";": /[";\r\n]/ } as const satisfies Record<CsvSeparator, RegExp>;

/** The list separator Excel expects in the language's region: semicolon for Dutch, comma for English. */
export function csvSeparatorFor(locale: Locale): CsvSeparator {
  return locale === "nl" ? ";" : ",";
}

/** `<stem>-YYYY-MM-DD.csv`, with the stem reduced to characters every file system and header accept. */
export function csvFileName(stem: string, date: Date): string {
  const safeStem = stem.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "export";
  return `${safeStem}-${date.toISOString().slice(0, 10)}.csv`;
}

export function csvCell(value: CsvCell, separator: CsvSeparator = ","): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are written by the application, never typed by a user: no guard.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return QUOTE_TRIGGERS[separator].test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[], separator: CsvSeparator = ","): string {
  return `${cells.map((cell) => csvCell(cell, separator)).join(separator)}\r\n`;
}

/** A whole document: BOM, header row, data rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, separator: CsvSeparator = ","): string {
  let document = UTF8_BOM + csvRow(header, separator);
  for (const row of rows) document += csvRow(row, separator);
  return document;
}
