// Back-office lists have numbered pages: staff look for one company or person, so "page 3 of 12" beats keysets.
export const BACKOFFICE_PAGE_SIZE = 20;

export type Paged<T> = { items: T[]; page: number; pageCount: number; total: number };

export function parsePageNumber(value: unknown): number {
  const number = typeof value === "string" ? Number.parseInt(value, 10) : typeof value === "number" ? value : 1;
  return Number.isInteger(number) && number >= 1 ? Math.min(number, 10_000) : 1;
}

export function pageWindow(page: number, pageSize = BACKOFFICE_PAGE_SIZE): { offset: number; limit: number } {
  return { offset: (page - 1) * pageSize, limit: pageSize };
}

export function toPaged<T>(items: T[], total: number, page: number, pageSize = BACKOFFICE_PAGE_SIZE): Paged<T> {
  return { items, page, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
