// R13/R17: one keyset page of a license group's users with the licenses they hold and their latest
// invitation, in the grid's name order (decision 008).
import "server-only";
import { Prisma, type EmailStatus } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { licenseColumnsOfGroup } from "@/lib/assignments/grid-columns";
import type { GridUser } from "@/lib/assignments/license-group-grid";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { isRecordId } from "@/lib/validation/record-id";

/** The last row's sort key as the database computed it (lower() follows its locale). Never leaves the server. */
export type GridUserCursor = { sortName: string; email: string; id: string };

export type LicenseGroupUserPage = {
  users: GridUser[];
  /** LicenseGroup.version in the same snapshot as the users (R26). */
  groupVersion: number;
  /** Set when more users follow: pass it as `after` for the next page. */
  nextCursor: GridUserCursor | null;
};

type UserRow = Omit<GridUser, "invitation"> & {
  invitationStatus: EmailStatus | null;
  invitationAt: Date | null;
  sortName: string;
  groupVersion: number;
};

export async function listLicenseGroupUserPage(options: {
  actor: Actor;
  groupId: string;
  after?: GridUserCursor | null;
  /** Users per page; null reads every user from `after` on (the CSV export). */
  limit: number | null;
  db?: DbClient;
}): Promise<LicenseGroupUserPage> {
  const client = options.db ?? processDb();
  const { limit } = options;
  if (!isRecordId(options.groupId)) throw notFound("License group");
  if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new RangeError("limit must be a positive integer");
  // R28: every page derives the company from the group and checks the admin again.
  const group = await client.licenseGroup.findUnique({ where: { id: options.groupId }, select: { id: true, companyId: true } });
  if (!group) throw notFound("License group");
  await requireCompanyAdmin({ actor: options.actor, companyId: group.companyId, db: client, resource: "License group" });

  // One row more than asked tells whether another page follows, without an empty last page.
  const rows = await selectUserRows(client, group, options.after ?? null, limit === null ? null : limit + 1);
  const hasMore = limit !== null && rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    users: pageRows.map(toGridUser),
    groupVersion: rows[0]?.groupVersion ?? (await readGroupVersion(client, group.id)),
    nextCursor: hasMore && last ? { sortName: last.sortName, email: last.email, id: last.id } : null,
  };
}

/**
 * One statement, so users, assignments and version are one snapshot (R26); (name, email, id) is a total
 * order, so a keyset never repeats or skips a row. Invitations follow lib/email/get-email-status.ts.
 */
function selectUserRows(
  client: DbClient,
  group: { id: string; companyId: string },
  after: GridUserCursor | null,
  limit: number | null,
): Promise<UserRow[]> {
  const keyset = after
    ? Prisma.sql`WHERE (s."sortName", s."email", s."id") > (${after.sortName}, ${after.email}, ${after.id}::uuid)`
    : Prisma.empty;
  return client.$queryRaw<UserRow[]>`
    WITH "columns" AS (${licenseColumnsOfGroup(group.id)}),
    "page" AS (
      SELECT s.* FROM (
        SELECT u."id", u."email", u."title", u."firstName", u."lastName", u."position", m."role",
          -- R17: registered = has a password and proved the address; everyone else is an invited contact.
          (u."passwordHash" IS NOT NULL AND u."emailVerifiedAt" IS NOT NULL) AS "isRegistered",
          lower(COALESCE(NULLIF(btrim(u."firstName" || ' ' || u."lastName"), ''), u."email")) AS "sortName"
        FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."companyId" = ${group.companyId}::uuid
      ) s
      ${keyset}
      ORDER BY s."sortName", s."email", s."id"
      LIMIT ${limit}::int
    )
    SELECT p."id"::text AS "id", p."email", p."title"::text AS "title", p."firstName", p."lastName", p."position",
      p."role"::text AS "role", p."isRegistered", p."sortName",
      COALESCE(h."licenseIds", ARRAY[]::text[]) AS "assignedLicenseIds",
      i."status"::text AS "invitationStatus", COALESCE(i."sentAt", i."createdAt") AS "invitationAt",
      (SELECT g."version" FROM "LicenseGroup" g WHERE g."id" = ${group.id}::uuid) AS "groupVersion"
    FROM "page" p
    LEFT JOIN LATERAL (
      SELECT array_agg(DISTINCT c."columnId"::text ORDER BY c."columnId"::text) AS "licenseIds"
      FROM "Assignment" a JOIN "columns" c ON c."id" = a."licenseId"
      WHERE a."userId" = p."id" AND a."revokedAt" IS NULL
    ) h ON true
    LEFT JOIN LATERAL (
      SELECT e."status", e."sentAt", e."createdAt" FROM "EmailMessage" e
      WHERE NOT p."isRegistered" AND e."userId" = p."id" AND e."template" = 'invitation' AND e."companyId" = ${group.companyId}::uuid
      ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 1
    ) i ON true
    ORDER BY p."sortName", p."email", p."id"`;
}

async function readGroupVersion(client: DbClient, groupId: string): Promise<number> {
  const group = await client.licenseGroup.findUnique({ where: { id: groupId }, select: { version: true } });
  if (!group) throw notFound("License group");
  return group.version;
}

/** R17: "Invitation sent" / "delivery failed"; a message being handed to the mail server is still on its way. */
function toGridUser(row: UserRow): GridUser {
  const { id, email, title, firstName, lastName, position, role, isRegistered, assignedLicenseIds, invitationStatus, invitationAt } = row;
  const user = { id, email, title, firstName, lastName, position, role, isRegistered, assignedLicenseIds };
  if (!invitationStatus || !invitationAt) return { ...user, invitation: null };
  const status = invitationStatus === "SENT" ? "SENT" : invitationStatus === "FAILED" ? "FAILED" : "PENDING";
  return { ...user, invitation: { status, at: invitationAt.toISOString() } };
}
