// The grid's layout constants and row/column model. Fixed sizes keep virtualisation cheap: a row
// is never measured, so 10,000 users scroll without layout work (R13).
import type { GridLicense, GridRowUser } from "@/lib/assignments/license-group-grid";
import { userSearchKey } from "@/lib/assignments/grid-search";
import type { AssignmentChange } from "@/lib/assignments/assignment-change";

export const ROW_HEIGHT = 56;
export const HEADER_HEIGHT = 124;
/** The name column's width: 288 px, 176 px on a phone (app/globals.css, --grid-name-column). */
export const NAME_COLUMN_WIDTH = "var(--grid-name-column)";
export const LICENSE_COLUMN_WIDTH = 156;

export type GridRowData = {
  user: GridRowUser;
  displayName: string;
  searchKey: string;
  /** Saved assignments of this user in the group. */
  assigned: ReadonlySet<string>;
  /** LicenseGroup.version the row was read at (R26). */
  version: number;
};

/** Changes the admin saved, and the group version that save produced. */
export type SavedChanges = { version: number; changes: readonly AssignmentChange[] };

export type GridColumn = {
  license: GridLicense;
  /** "PROFIS Engineering Named user", with the end of term when the group has the product and type twice. */
  label: string;
  /**
   * What tells the column from another of the same product and type: its end of term ("t/m 31 dec
   * 2027"), or a number for two floating pools of one term; null when the column is the only one.
   */
  qualifier: string | null;
};

export function buildGridRows(users: readonly GridRowUser[], version: number): GridRowData[] {
  return users.map((user) => ({
    user,
    displayName: `${user.firstName} ${user.lastName}`.trim() || user.email,
    searchKey: userSearchKey(user),
    assigned: new Set(user.assignedLicenseIds),
    version,
  }));
}

/**
 * R16/R26: rows read before one of the admin's own saves show that save's changes until they are
 * read again (decision 008: after a save, rows beyond the first page are re-read while in view).
 * A row read at or after the save's version already has them. Unchanged rows stay the same objects.
 */
export function withSavedChanges(rows: GridRowData[], saves: readonly SavedChanges[]): GridRowData[] {
  if (saves.length === 0) return rows;
  const byUser = new Map<string, { version: number; change: AssignmentChange }[]>();
  for (const save of saves)
    for (const change of save.changes) byUser.set(change.userId, [...(byUser.get(change.userId) ?? []), { version: save.version, change }]);
  return rows.map((row) => {
    const changes = byUser.get(row.user.id)?.filter((entry) => entry.version > row.version);
    if (!changes || changes.length === 0) return row;
    const assigned = new Set(row.assigned);
    for (const { change } of changes.toSorted((left, right) => left.version - right.version)) {
      if (change.assigned) assigned.add(change.licenseId);
      else assigned.delete(change.licenseId);
    }
    return { ...row, assigned, user: { ...row.user, assignedLicenseIds: [...assigned].sort() } };
  });
}

/**
 * A column is a kind of license (decision 020, lib/assignments/grid-columns.ts), so its product and type
 * usually name it; two columns of one product and type differ by their term, and only two floating
 * pools of one term need a number.
 */
export function buildGridColumns(
  licenses: readonly GridLicense[],
  labels: { type: (license: GridLicense) => string; term: (license: GridLicense) => string },
): GridColumn[] {
  const base = licenses.map((license) => `${license.productName} ${labels.type(license)}`);
  const terms = licenses.map((license) => labels.term(license));
  const count = (values: string[], value: string) => values.filter((other) => other === value).length;
  const withTerm = base.map((label, index) => `${label} ${terms[index]}`);
  const seen = new Map<string, number>();
  return licenses.map((license, index) => {
    const label = base[index]!;
    if (count(base, label) < 2) return { license, label, qualifier: null };
    const termed = withTerm[index]!;
    if (count(withTerm, termed) < 2) return { license, label: termed, qualifier: terms[index]! };
    const ordinal = (seen.get(termed) ?? 0) + 1;
    seen.set(termed, ordinal);
    return { license, label: `${termed} #${ordinal}`, qualifier: `${terms[index]!} · #${ordinal}` };
  });
}

export function gridTemplateColumns(columnCount: number): string {
  return `${NAME_COLUMN_WIDTH} repeat(${columnCount}, ${LICENSE_COLUMN_WIDTH}px)`;
}

export function gridWidth(columnCount: number): string {
  return `calc(${NAME_COLUMN_WIDTH} + ${columnCount * LICENSE_COLUMN_WIDTH}px)`;
}

/** Ids of the shared, visually hidden descriptions the cells point at with aria-describedby. */
export const descriptionIds = {
  pendingNew: "grid-description-pending-new",
  pendingRevoke: "grid-description-pending-revoke",
  holdsSeat: "grid-description-holds-seat",
  beyondSeats: "grid-description-beyond-seats",
  keyboard: "grid-description-keyboard",
  blockReason: (licenseId: string) => `grid-description-block-${licenseId}`,
} as const;
