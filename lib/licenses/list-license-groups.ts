// R12: Software management lists the company's license groups and, per group, the licenses that
// give access to the software. Read-only; admins of the company only.
import "server-only";
import type { LicenseEdition, LicenseType, ProductKind } from "@prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireSoftwareManager } from "@/lib/auth/permissions";
import { systemClock, type Clock } from "@/lib/clock";
import { db, type DbClient } from "@/lib/db/client";

export type LicenseSummary = {
  id: string;
  product: { name: string; kind: ProductKind };
  edition: LicenseEdition;
  type: LicenseType;
  seats: number;
  /** What occupies a seat depends on the type (see seatsInUse). */
  seatsUsed: number;
  validFrom: Date;
  validUntil: Date;
  isExpired: boolean;
};

export type LicenseGroupSummary = {
  id: string;
  name: string;
  sapAccountNumber: string;
  orderReference: string | null;
  licenses: LicenseSummary[];
};

/**
 * Seats in use: named users hold a seat per active assignment (R1); floating seats are live
 * leases (R2, R5); a node-locked license is used by its active activation (R3).
 */
function seatsInUse(type: LicenseType, counts: { assignments: number; leases: number; activations: number }): number {
  switch (type) {
    case "NAMED_USER":
      return counts.assignments;
    case "FLOATING":
      return counts.leases;
    case "NODE_LOCKED":
      return counts.activations;
  }
}

export async function listLicenseGroups(
  options: { actor: Pick<CurrentUser, "memberships">; companyId: string; clock?: Clock },
  client: DbClient = db(),
): Promise<LicenseGroupSummary[]> {
  requireSoftwareManager(options.actor, options.companyId);
  const now = (options.clock ?? systemClock).now();

  const groups = await client.licenseGroup.findMany({
    where: { companyId: options.companyId },
    orderBy: [{ name: "asc" }, { sapAccountNumber: "asc" }],
    select: {
      id: true,
      name: true,
      sapAccountNumber: true,
      orderReference: true,
      licenses: {
        orderBy: [{ product: { name: "asc" } }, { type: "asc" }, { validUntil: "asc" }],
        select: {
          id: true,
          edition: true,
          type: true,
          seats: true,
          validFrom: true,
          validUntil: true,
          product: { select: { name: true, kind: true } },
          _count: {
            select: {
              assignments: { where: { revokedAt: null } },
              leases: { where: { releasedAt: null, expiresAt: { gt: now } } },
              activations: { where: { deactivatedAt: null } },
            },
          },
        },
      },
    },
  });

  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    sapAccountNumber: group.sapAccountNumber,
    orderReference: group.orderReference,
    licenses: group.licenses.map(({ _count, ...license }) => ({
      ...license,
      seatsUsed: seatsInUse(license.type, _count),
      isExpired: license.validUntil <= now,
    })),
  }));
}
