// CSV exports (R24 audit log, the grid of issue 5) that open correctly in Excel and cannot attack
// whoever opens them. No CSV library is installed, and RFC 4180 writing is a few lines:
// - fields with a comma, quote, CR or LF are quoted, quotes doubled; rows end with CRLF;
// - a text cell starting with = + - @ (or a tab / CR, which Excel strips before looking) is
//   prefixed with ' so a spreadsheet shows it as text instead of running it as a formula (CSV
//   injection, OWASP); names and reasons come from users, so every text cell is guarded;
// - the file starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as Windows-1252.
export type CsvCell = string | number | boolean | Date | null | undefined;

export const UTF8_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are written by the application, never typed by a user: no guard.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole document: BOM, header row, data rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let document = UTF8_BOM + csvRow(header);
  for (const row of rows) document += csvRow(row);
  return document;
}
