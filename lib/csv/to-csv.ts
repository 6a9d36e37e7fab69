// CSV exports (R24 audit log, the grid of issue 5) that open correctly in Excel and cannot attack
// whoever opens them. No CSV library is installed, and RFC 4180 writing is a few lines:
// - cells are separated by the reader's list separator: Excel opens a .csv with the one of the
//   Windows region, a semicolon in the Netherlands and Belgium (where the comma is the decimal
//   sign), a comma in English-speaking ones — so the export follows the person's language (R29);
// - a cell holding either separator, a quote, CR or LF is quoted, quotes doubled; rows end with
//   CRLF. Either separator: the file may be opened by an Excel of the other region (issue 13);
// - formula injection (OWASP): a cell starting with = + - @ (after any whitespace; full-width
//   forms too) or a tab/CR/LF gets a leading apostrophe, and so does every piece after a
//   separator or line break inside a cell, where an Excel of the other region starts a cell
//   (decision 014). Names and reasons come from users, so every text cell is guarded;
// - the file starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as Windows-1252.
//   (A "sep=;" first line would also pick the separator, but Excel then ignores the BOM.)
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

/** One cell, quoted and guarded so that it holds whichever separator a spreadsheet splits on (see the header). */
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

/** A whole document: BOM, header row, data rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, separator: CsvSeparator = ","): string {
  let document = UTF8_BOM + csvRow(header, separator);
  for (const row of rows) document += csvRow(row, separator);
  return document;
}
