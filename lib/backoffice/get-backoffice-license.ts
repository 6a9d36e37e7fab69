// R31: one license as the back office edits it, with its assignees (whom a seat reduction may unassign).
import "server-only";
import type { LicenseEdition, LicenseType } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { seatsTaken } from "@/lib/licenses/seat-counts";
import { notFound } from "@/lib/errors";
import { isRecordId } from "@/lib/validation/record-id";

export type LicenseAssignee = {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  assignedAt: Date;
  hasLiveLease: boolean;
  hasActiveActivation: boolean;
};

export type BackofficeLicenseDetail = {
  id: string;
  version: number;
  productName: string;
  edition: LicenseEdition;
  type: LicenseType;
  seats: number;
  seatsUsed: number;
  validFrom: Date;
  validUntil: Date;
  isExpired: boolean;
  group: { id: string; name: string };
  company: { id: string; name: string; country: string };
  assignees: LicenseAssignee[];
};

export async function getBackofficeLicense(options: {
  actor: Actor;
  companyId: string;
  licenseId: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<BackofficeLicenseDetail> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  if (!isRecordId(options.licenseId) || !isRecordId(options.companyId)) throw notFound("License");
  const now = (options.clock ?? systemClock).now();
  const license = await client.license.findFirst({
    where: { id: options.licenseId, group: { companyId: options.companyId } },
    select: {
      id: true,
      version: true,
      edition: true,
      type: true,
      seats: true,
      validFrom: true,
      validUntil: true,
      product: { select: { name: true } },
      group: { select: { id: true, name: true, company: { select: { id: true, name: true, country: true } } } },
      assignments: {
        where: { revokedAt: null },
        orderBy: [{ user: { lastName: "asc" } }, { user: { email: "asc" } }],
        select: { assignedAt: true, user: { select: { id: true, email: true, firstName: true, lastName: true } } },
      },
      leases: { where: { releasedAt: null, expiresAt: { gt: now } }, select: { userId: true } },
      activations: { where: { deactivatedAt: null }, select: { userId: true } },
    },
  });
  if (!license) throw notFound("License");
  const leaseHolders = new Set(license.leases.map((lease) => lease.userId));
  const activated = new Set(license.activations.map((activation) => activation.userId));
  return {
    id: license.id,
    version: license.version,
    productName: license.product.name,
    edition: license.edition,
    type: license.type,
    seats: license.seats,
    seatsUsed: seatsTaken(license.type, { assigned: license.assignments.length, inUseNow: license.leases.length }),
    validFrom: license.validFrom,
    validUntil: license.validUntil,
    isExpired: license.validUntil <= now,
    group: { id: license.group.id, name: license.group.name },
    company: license.group.company,
    assignees: license.assignments.map(({ assignedAt, user }) => ({
      userId: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      assignedAt,
      hasLiveLease: leaseHolders.has(user.id),
      hasActiveActivation: activated.has(user.id),
    })),
  };
}
