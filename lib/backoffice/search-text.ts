// The grid's search (grid-search.ts) in SQL for the back office: the folding derived from normalizeSearchText,
// with no extension (PGlite has no unaccent).
import { Prisma } from "@prisma/client";
import { normalizeSearchText } from "@/lib/assignments/grid-search";
import { withoutForbiddenCharacters } from "@/lib/validation/safe-text";

/** Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A), upper and lower case. */
const foldedLetters = Array.from({ length: 0x17f - 0xc0 + 1 }, (_, index) => String.fromCodePoint(0xc0 + index)).filter(
  (letter) => letter !== "×" && letter !== "÷",
);

const singleLetterFolds = foldedLetters
  .map((letter) => [letter, normalizeSearchText(letter)] as const)
  .filter(([letter, folded]) => folded.length === 1 && folded !== letter);
const multiLetterFolds = foldedLetters
  .map((letter) => [letter, normalizeSearchText(letter)] as const)
  .filter(([, folded]) => folded.length > 1);

const translateFrom = singleLetterFolds.map(([letter]) => letter).join("");
const translateTo = singleLetterFolds.map(([, folded]) => folded).join("");

/** `normalizeSearchText` in SQL: accents dropped, then lower() (which folds only ASCII in a C locale). */
export function foldedSql(text: Prisma.Sql): Prisma.Sql {
  let folded = Prisma.sql`translate(${text}, ${translateFrom}, ${translateTo})`;
  for (const [letter, replacement] of multiLetterFolds) folded = Prisma.sql`replace(${folded}, ${letter}, ${replacement})`;
  return Prisma.sql`lower(${folded})`;
}

/** The query's words, folded, as LIKE patterns; an empty query has none and matches everything. */
export function searchPatterns(query: string | undefined): string[] {
  // A NUL would reach PostgreSQL as an error; the page says so, the query searches for the rest.
  const words = normalizeSearchText(withoutForbiddenCharacters(query ?? ""))
    .split(" ")
    .filter(Boolean)
    .slice(0, 8);
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
