// The group's grid as CSV: a row per user, a column per license, "x" where the user holds it now.
import type { LicenseGroupGrid } from "@/lib/assignments/license-group-grid";
import { toCsv, type CsvSeparator } from "@/lib/csv/to-csv";

export type GridCsvLabels = {
  columns: [lastName: string, firstName: string, email: string, position: string, role: string, status: string];
  /** The header of a license's column, e.g. "PROFIS Engineering · Named user · 2027-01-01". */
  licenseColumn: (license: LicenseGroupGrid["licenses"][number]) => string;
  role: (role: string) => string;
  /** "Registered", "Invitation sent", "Delivery failed", "Not invited". */
  status: (user: LicenseGroupGrid["users"][number]) => string;
  assigned: string;
};

/** `separator`: the reader's list separator (csvSeparatorFor their language). */
export function licenseGroupGridCsv(grid: LicenseGroupGrid, labels: GridCsvLabels, separator: CsvSeparator): string {
  const header = [...labels.columns, ...grid.licenses.map(labels.licenseColumn)];
  const rows = grid.users.map((user) => {
    const held = new Set(user.assignedLicenseIds);
    return [
      user.lastName,
      user.firstName,
      user.email,
      user.position,
      labels.role(user.role),
      labels.status(user),
      ...grid.licenses.map((license) => (held.has(license.id) ? labels.assigned : "")),
    ];
  });
  return toCsv(header, rows, separator);
}
