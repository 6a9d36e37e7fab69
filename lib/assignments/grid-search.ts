// R13: the grid's search by name and email, case- and accent-insensitive ("jose" finds "José").
import type { GridUser } from "@/lib/assignments/license-group-grid";

// Letters that Unicode does not decompose into a base letter plus a combining mark under NFD.
const undecomposed: Record<string, string> = { ı: "i", ø: "o", ł: "l", đ: "d", ß: "ss", æ: "ae", œ: "oe" };

/** Lower case, without diacritics, single-spaced: the form both the query and the data are compared in. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[ıøłđßæœ]/g, (letter) => undecomposed[letter] ?? letter)
    .replace(/\s+/g, " ")
    .trim();
}

export function userSearchKey(user: Pick<GridUser, "firstName" | "lastName" | "email">): string {
  return normalizeSearchText(`${user.firstName} ${user.lastName} ${user.email}`);
}

/** Every word of the query must occur in the key ("jose bak" finds José Bakker). */
export function matchesSearch(searchKey: string, query: string): boolean {
  const words = normalizeSearchText(query).split(" ").filter(Boolean);
  return words.every((word) => searchKey.includes(word));
}
