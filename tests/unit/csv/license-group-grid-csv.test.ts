import { describe, expect, it } from "vitest";
import type { LicenseGroupGrid } from "@/lib/assignments/license-group-grid";
import { licenseGroupGridCsv, type GridCsvLabels } from "@/lib/csv/license-group-grid-csv";
import { UTF8_BOM } from "@/lib/csv/to-csv";

const license = (id: string, productName: string): LicenseGroupGrid["licenses"][number] => ({
  id,
  parts: [],
  activatedCount: 0,
  productCode: "P",
  productName,
  productKind: "WEB",
  type: "NAMED_USER",
  edition: "STANDARD",
  seats: 5,
  assignedCount: 1,
  seatHolders: [],
  validFrom: "2026-01-01T00:00:00.000Z",
  validUntil: "2027-01-01T00:00:00.000Z",
  isExpired: false,
});

const user = (overrides: Partial<LicenseGroupGrid["users"][number]>): LicenseGroupGrid["users"][number] => ({
  id: "u",
  email: "jan@example.com",
  title: null,
  firstName: "Jan",
  lastName: "Jansen",
  position: "Engineer",
  role: "USER",
  isRegistered: true,
  invitation: null,
  assignedLicenseIds: [],
  ...overrides,
});

describe("licenseGroupGridCsv", () => {
  it("writes users × licenses with an x per held license, escaping every user-typed cell", () => {
    const grid: LicenseGroupGrid = {
      group: { id: "g", name: "Group", sapAccountNumber: "1", orderReference: null, version: 0 },
      company: { id: "c", name: "Acme", country: "NL" },
      licenses: [license("a", "Web, premium"), license("b", "Desktop")],
      users: [
        user({ id: "1", assignedLicenseIds: ["b"] }),
        user({ id: "2", lastName: "=cmd|' /C calc'!A0", position: 'Boss, "big"', isRegistered: false, assignedLicenseIds: ["a", "b"] }),
      ],
    };
    const labels = {
      columns: ["Last", "First", "Email", "Position", "Role", "Status"] as GridCsvLabels["columns"],
      licenseColumn: (column: LicenseGroupGrid["licenses"][number]) => column.productName,
      role: (role: string) => role.toLowerCase(),
      status: (row: LicenseGroupGrid["users"][number]) => (row.isRegistered ? "registered" : "invited"),
      assigned: "x",
    };
    expect(licenseGroupGridCsv(grid, labels, ",")).toBe(
      `${UTF8_BOM}Last,First,Email,Position,Role,Status,"Web, premium",Desktop\r\n` +
        "Jansen,Jan,jan@example.com,Engineer,user,registered,,x\r\n" +
        `'=cmd|' /C calc'!A0,Jan,jan@example.com,"Boss, ""big""",user,invited,x,x\r\n`,
    );
    // Dutch Excel: semicolons; a comma is still quoted, for an Excel of the other region (decision 014).
    expect(licenseGroupGridCsv(grid, labels, ";")).toBe(
      `${UTF8_BOM}Last;First;Email;Position;Role;Status;"Web, premium";Desktop\r\n` +
        "Jansen;Jan;jan@example.com;Engineer;user;registered;;x\r\n" +
        `'=cmd|' /C calc'!A0;Jan;jan@example.com;"Boss, ""big""";user;invited;x;x\r\n`,
    );
  });
});
