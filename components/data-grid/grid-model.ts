// The grid's layout constants and row/column model. Fixed sizes keep virtualisation cheap: a row
// is never measured, so 10,000 users scroll without layout work (R13).
import type { GridLicense, GridUser, LicenseGroupGrid } from "@/lib/assignments/license-group-grid";
import { userSearchKey } from "@/lib/assignments/grid-search";

export const ROW_HEIGHT = 56;
export const HEADER_HEIGHT = 124;
export const NAME_COLUMN_WIDTH = 288;
export const LICENSE_COLUMN_WIDTH = 156;

export type GridRowData = {
  user: GridUser;
  displayName: string;
  searchKey: string;
  /** Saved assignments of this user in the group. */
  assigned: ReadonlySet<string>;
};

export type GridColumn = {
  license: GridLicense;
  /** "PROFIS Engineering Named user", numbered when a group has the same product and type twice. */
  label: string;
  /** 1, 2, … among columns of the same product and type; null when the column is the only one. */
  ordinal: number | null;
};

export function buildGridRows(grid: Pick<LicenseGroupGrid, "users">): GridRowData[] {
  return grid.users.map((user) => ({
    user,
    displayName: `${user.firstName} ${user.lastName}`.trim() || user.email,
    searchKey: userSearchKey(user),
    assigned: new Set(user.assignedLicenseIds),
  }));
}

export function buildGridColumns(licenses: readonly GridLicense[], typeLabel: (license: GridLicense) => string): GridColumn[] {
  const base = licenses.map((license) => `${license.productName} ${typeLabel(license)}`);
  const totals = new Map<string, number>();
  for (const label of base) totals.set(label, (totals.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  return licenses.map((license, index) => {
    const label = base[index]!;
    if ((totals.get(label) ?? 0) < 2) return { license, label, ordinal: null };
    const ordinal = (seen.get(label) ?? 0) + 1;
    seen.set(label, ordinal);
    return { license, label: `${label} ${ordinal}`, ordinal };
  });
}

export function gridTemplateColumns(columnCount: number): string {
  return `${NAME_COLUMN_WIDTH}px repeat(${columnCount}, ${LICENSE_COLUMN_WIDTH}px)`;
}

export function gridWidth(columnCount: number): number {
  return NAME_COLUMN_WIDTH + columnCount * LICENSE_COLUMN_WIDTH;
}

/** Ids of the shared, visually hidden descriptions the cells point at with aria-describedby. */
export const descriptionIds = {
  pendingNew: "grid-description-pending-new",
  pendingRevoke: "grid-description-pending-revoke",
  holdsSeat: "grid-description-holds-seat",
  keyboard: "grid-description-keyboard",
  blockReason: (licenseId: string) => `grid-description-block-${licenseId}`,
} as const;
