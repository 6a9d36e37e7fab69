// R13–R18: the data of one license group's page — every user of the group's company × the group's
// licenses — built in a fixed handful of queries whatever the company's size (10,000 users × 20
// licenses is the benchmark), never one query per user or license.
import "server-only";
import type { EmailStatus, MembershipRole, Title } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import type { GridLicense, GridUser, LicenseGroupGrid } from "@/lib/assignments/license-group-grid";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { isRecordId } from "@/lib/validation/record-id";

/** A license as the query returns it: GridLicense before dates become strings and leases are added. */
type LicenseRow = Omit<GridLicense, "validFrom" | "validUntil" | "seatHolders" | "isExpired"> & { validFrom: Date; validUntil: Date };

type UserRow = {
  id: string;
  email: string;
  title: Title | null;
  firstName: string;
  lastName: string;
  position: string;
  role: MembershipRole;
  isRegistered: boolean;
  assignedLicenseIds: string[];
  invitationStatus: EmailStatus | null;
  invitationAt: Date | null;
  invitationError: string | null;
};

type SeatHolderRow = { licenseId: string; userId: string; expiresAt: Date; isDevice: boolean };

export async function getLicenseGroupGrid(options: { actor: Actor; groupId: string; clock?: Clock; db?: DbClient }): Promise<LicenseGroupGrid> {
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  if (!isRecordId(options.groupId)) throw notFound("License group");

  // The group (and its version) is read FIRST: a save committed while the rest is read makes
  // this version stale, so the admin's next save is refused (R26) instead of being based on a
  // grid that silently mixes two states.
  const group = await client.licenseGroup.findUnique({
    where: { id: options.groupId },
    select: {
      id: true,
      name: true,
      sapAccountNumber: true,
      orderReference: true,
      version: true,
      company: { select: { id: true, name: true, country: true } },
    },
  });
  if (!group) throw notFound("License group");
  // R28: the company comes from the group; a stranger gets the same NOT_FOUND as a missing group.
  await requireCompanyAdmin({ actor: options.actor, companyId: group.company.id, db: client, resource: "License group" });

  const licenses = await client.$queryRaw<LicenseRow[]>`
    SELECT l."id"::text AS "id", p."code" AS "productCode", p."name" AS "productName", p."kind"::text AS "productKind",
      l."type"::text AS "type", l."edition"::text AS "edition", l."seats", l."validFrom", l."validUntil",
      (SELECT count(*)::int FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."revokedAt" IS NULL) AS "assignedCount"
    FROM "License" l JOIN "Product" p ON p."id" = l."productId"
    WHERE l."groupId" = ${group.id}::uuid
    ORDER BY p."name", l."type", l."validUntil", l."id"`;
  const licenseIds = licenses.map((license) => license.id);
  const floatingIds = licenses.filter((license) => license.type === "FLOATING").map((license) => license.id);

  const [users, seatHolders] = await Promise.all([listCompanyUsers(client, group.company.id, licenseIds), listSeatHolders(client, floatingIds, now)]);

  return {
    group: { id: group.id, name: group.name, sapAccountNumber: group.sapAccountNumber, orderReference: group.orderReference, version: group.version },
    company: group.company,
    licenses: licenses.map((license) => toGridLicense(license, seatHolders, now)),
    users: users.map(toGridUser),
  };
}

/**
 * R13/R17: all members of the company, each with the licenses of this group they hold now and,
 * when unregistered, their latest invitation mail. One statement: active assignments aggregated
 * per user (index Assignment(licenseId, revokedAt)) joined to the memberships (Membership(companyId,
 * role)); the invitation is a lateral lookup on EmailMessage(userId, template) with the same "latest
 * per person and template" rule as lib/email/get-email-status.ts — inlined because passing 10,000
 * user ids to that function costs more than this whole query.
 */
function listCompanyUsers(client: DbClient, companyId: string, licenseIds: string[]): Promise<UserRow[]> {
  return client.$queryRaw<UserRow[]>`
    WITH "held" AS (
      SELECT a."userId", array_agg(a."licenseId"::text ORDER BY a."licenseId") AS "licenseIds"
      FROM "Assignment" a
      WHERE a."licenseId" = ANY(${licenseIds}::uuid[]) AND a."revokedAt" IS NULL
      GROUP BY a."userId"
    ), "members" AS (
      SELECT u."id", u."email", u."title", u."firstName", u."lastName", u."position", m."role",
        -- R17: registered = has a password and proved the address; everyone else is an invited contact.
        (u."passwordHash" IS NOT NULL AND u."emailVerifiedAt" IS NOT NULL) AS "isRegistered"
      FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."companyId" = ${companyId}::uuid
    )
    SELECT m."id"::text AS "id", m."email", m."title"::text AS "title", m."firstName", m."lastName", m."position",
      m."role"::text AS "role", m."isRegistered",
      COALESCE(h."licenseIds", ARRAY[]::text[]) AS "assignedLicenseIds",
      i."status"::text AS "invitationStatus", COALESCE(i."sentAt", i."createdAt") AS "invitationAt", i."lastError" AS "invitationError"
    FROM "members" m
    LEFT JOIN "held" h ON h."userId" = m."id"
    LEFT JOIN LATERAL (
      SELECT e."status", e."sentAt", e."createdAt", e."lastError" FROM "EmailMessage" e
      WHERE NOT m."isRegistered" AND e."userId" = m."id" AND e."template" = 'invitation' AND e."companyId" = ${companyId}::uuid
      ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 1
    ) i ON true
    ORDER BY lower(m."lastName"), lower(m."firstName"), m."email"`;
}

/** R2/R5: live leases only (released or expired ones hold no seat; expiry needs no job). */
function listSeatHolders(client: DbClient, floatingIds: string[], now: Date): Promise<SeatHolderRow[]> {
  if (floatingIds.length === 0) return Promise.resolve([]);
  return client.$queryRaw<SeatHolderRow[]>`
    SELECT "licenseId"::text AS "licenseId", "userId"::text AS "userId", "expiresAt", ("deviceId" IS NOT NULL) AS "isDevice"
    FROM "FloatingLease"
    WHERE "licenseId" = ANY(${floatingIds}::uuid[]) AND "releasedAt" IS NULL AND "expiresAt" > ${now}
    ORDER BY "licenseId", "expiresAt"`;
}

/** R17: "Invitation sent" / "delivery failed"; a message being handed to the mail server is still on its way. */
function toGridUser({ invitationStatus, invitationAt, invitationError, ...user }: UserRow): GridUser {
  if (!invitationStatus || !invitationAt) return { ...user, invitation: null };
  const status = invitationStatus === "SENT" ? "SENT" : invitationStatus === "FAILED" ? "FAILED" : "PENDING";
  return { ...user, invitation: { status, at: invitationAt.toISOString(), lastError: status === "FAILED" ? invitationError : null } };
}

function toGridLicense(license: LicenseRow, seatHolders: SeatHolderRow[], now: Date): GridLicense {
  return {
    id: license.id,
    productCode: license.productCode,
    productName: license.productName,
    productKind: license.productKind,
    type: license.type,
    edition: license.edition,
    seats: license.seats,
    assignedCount: license.assignedCount,
    seatHolders: seatHolders
      .filter((holder) => holder.licenseId === license.id)
      .map((holder) => ({ userId: holder.userId, expiresAt: holder.expiresAt.toISOString(), holder: holder.isDevice ? "device" : "browser" })),
    validFrom: license.validFrom.toISOString(),
    validUntil: license.validUntil.toISOString(),
    isExpired: license.validUntil <= now,
  };
}
