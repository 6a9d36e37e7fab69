// A small license group in the shape of getLicenseGroupGrid's answer, for the grid's pure rules.
import type { GridLicense, GridUser, LicenseGroupGrid } from "@/lib/assignments/license-group-grid";

export const ids = {
  named: "00000000-0000-4000-8000-000000000001",
  floating: "00000000-0000-4000-8000-000000000002",
  nodeLocked: "00000000-0000-4000-8000-000000000003",
  expired: "00000000-0000-4000-8000-000000000004",
  jose: "10000000-0000-4000-8000-000000000001",
  ozlem: "10000000-0000-4000-8000-000000000002",
  jan: "10000000-0000-4000-8000-000000000003",
  noe: "10000000-0000-4000-8000-000000000004",
} as const;

function license(
  id: string,
  type: GridLicense["type"],
  seats: number,
  assignedCount: number,
  extra: Partial<GridLicense> = {},
): GridLicense {
  return {
    id,
    productCode: "PROFIS_ENGINEERING",
    productName: "PROFIS Engineering",
    productKind: "WEB",
    type,
    edition: "STANDARD",
    seats,
    assignedCount,
    activatedCount: 0,
    seatHolders: [],
    validFrom: "2026-01-01T00:00:00.000Z",
    validUntil: "2027-01-01T00:00:00.000Z",
    isExpired: false,
    ...extra,
    parts: [{ id, seats, assignedCount, validUntil: "2027-01-01T00:00:00.000Z", isExpired: extra.isExpired ?? false }],
  };
}

function user(id: string, firstName: string, lastName: string, email: string, assignedLicenseIds: string[], isRegistered = true): GridUser {
  return {
    id,
    email,
    title: null,
    firstName,
    lastName,
    position: "Constructeur",
    role: "USER",
    isRegistered,
    invitation: isRegistered ? null : { status: "SENT", at: "2026-02-01T00:00:00.000Z" },
    assignedLicenseIds,
  };
}

export function gridFixture(): LicenseGroupGrid {
  return {
    group: {
      id: "20000000-0000-4000-8000-000000000001",
      name: "Licentiegroep 1",
      sapAccountNumber: "0001000001",
      orderReference: null,
      version: 3,
    },
    company: { id: "30000000-0000-4000-8000-000000000001", name: "Bouwbedrijf De Vries B.V.", country: "NL" },
    licenses: [
      license(ids.named, "NAMED_USER", 3, 2),
      license(ids.floating, "FLOATING", 1, 2, {
        seatHolders: [{ userId: ids.jose, expiresAt: "2026-03-01T10:00:00.000Z", holder: "browser" }],
      }),
      license(ids.nodeLocked, "NODE_LOCKED", 1, 1, { productKind: "DESKTOP" }),
      license(ids.expired, "NAMED_USER", 5, 0, { isExpired: true }),
    ],
    users: [
      user(ids.jose, "José", "Bakker", "jose.bakker@devries-bouw.example", [ids.named, ids.floating]),
      user(ids.ozlem, "Özlem", "Yılmaz", "ozlem.yilmaz@devries-bouw.example", [ids.named], false),
      user(ids.jan, "Jan", "Jansen", "user@demo.example", [ids.floating, ids.nodeLocked]),
      user(ids.noe, "Noë", "van Dam", "noe.vandam@devries-bouw.example", [], false),
    ],
  };
}
