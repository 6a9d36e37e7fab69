// Back-office search (R31) finds companies and people the way the group page's search does
// (lib/assignments/grid-search.ts): case- and accent-insensitive, every word of the query somewhere
// in the text. Here the comparison runs in the database, so the folding is written once in SQL,
// derived from the same normalizeSearchText, and needs no extension (PGlite has no unaccent).
import { Prisma } from "@prisma/client";
import { normalizeSearchText } from "@/lib/assignments/grid-search";
import { withoutForbiddenCharacters } from "@/lib/validation/safe-text";

/** Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A), upper and lower case. */
const foldedLetters = Array.from({ length: 0x17f - 0xc0 + 1 }, (_, index) => String.fromCodePoint(0xc0 + index)).filter((letter) => letter !== "×" && letter !== "÷");

const singleLetterFolds = foldedLetters
  .map((letter) => [letter, normalizeSearchText(letter)] as const)
  .filter(([letter, folded]) => folded.length === 1 && folded !== letter);
const multiLetterFolds = foldedLetters
  .map((letter) => [letter, normalizeSearchText(letter)] as const)
  .filter(([, folded]) => folded.length > 1);

const translateFrom = singleLetterFolds.map(([letter]) => letter).join("");
const translateTo = singleLetterFolds.map(([, folded]) => folded).join("");

/**
 * The SQL of `normalizeSearchText(text)` for a text expression: accents dropped, then lower case
 * (lower() of a C-locale database folds ASCII only, which is all that is left).
 */
export function foldedSql(text: Prisma.Sql): Prisma.Sql {
  let folded = Prisma.sql`translate(${text}, ${translateFrom}, ${translateTo})`;
  for (const [letter, replacement] of multiLetterFolds) folded = Prisma.sql`replace(${folded}, ${letter}, ${replacement})`;
  return Prisma.sql`lower(${folded})`;
}

/** The query's words, folded, as LIKE patterns; an empty query has none and matches everything. */
export function searchPatterns(query: string | undefined): string[] {
  // A NUL would reach PostgreSQL as an error (issue 13); the page says so, the query searches for the rest.
  const words = normalizeSearchText(withoutForbiddenCharacters(query ?? "")).split(" ").filter(Boolean).slice(0, 8);
  return words.map((word) => `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
}

/** Every pattern occurs in the folded text (AND); TRUE without patterns. */
export function matchesAllSql(folded: Prisma.Sql, patterns: string[]): Prisma.Sql {
  if (patterns.length === 0) return Prisma.sql`TRUE`;
  return Prisma.join(
    patterns.map((pattern) => Prisma.sql`${folded} LIKE ${pattern}`),
    " AND ",
  );
}
