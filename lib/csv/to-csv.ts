// RFC 4180 CSV that opens correctly in Excel and cannot attack whoever opens it (decision 014; no library):
// the reader's list separator (R29), either separator quoted, every piece that could start a formula
// guarded, a UTF-8 BOM (without it Excel reads Windows-1252; a "sep=" line would make it ignore the BOM).
import type { Locale } from "@/lib/i18n/locales";

export type CsvCell = string | number | boolean | Date | null | undefined;
export type CsvSeparator = "," | ";";

export const UTF8_BOM = "\uFEFF";
/** The characters a spreadsheet starts a formula with, ASCII and full-width. */
const FORMULA_SIGNS = "=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20";
const FORMULA_START = new RegExp(`^(?:[\\t\\r\\n]|\\s*[${FORMULA_SIGNS}])`);
/** A separator or line break followed (after spaces, not line breaks) by a formula sign: where another region's Excel starts a cell. */
const FORMULA_AFTER_BREAK = new RegExp(`([,;\\r\\n])(?=[^\\S\\r\\n]*[${FORMULA_SIGNS}])`, "g");
const NEEDS_QUOTES = /[",;\r\n]/;

/** The list separator Excel expects in the language's region: semicolon for Dutch, comma for English. */
export function csvSeparatorFor(locale: Locale): CsvSeparator {
  return locale === "nl" ? ";" : ",";
}

/** `<stem>-YYYY-MM-DD.csv`, with the stem reduced to characters every file system and header accept. */
export function csvFileName(stem: string, date: Date): string {
  const safeStem = stem.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "export";
  return `${safeStem}-${date.toISOString().slice(0, 10)}.csv`;
}

/** Quoted and guarded for whichever separator a spreadsheet splits on. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are written by the application, never typed by a user: no guard.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = value instanceof Date ? value.toISOString() : value;
  text = text.replace(FORMULA_AFTER_BREAK, "$1'");
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[], separator: CsvSeparator = ","): string {
  return `${cells.map((cell) => csvCell(cell)).join(separator)}\r\n`;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, separator: CsvSeparator = ","): string {
  let document = UTF8_BOM + csvRow(header, separator);
  for (const row of rows) document += csvRow(row, separator);
  return document;
}
