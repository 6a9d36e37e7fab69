// R13–R18: a license group's page in a fixed handful of queries whatever the company's size; the
// head renders at once, the users follow in pages (decision 008).
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import type { GridLicense, LicenseGroupGrid, LicenseGroupGridHead } from "@/lib/assignments/license-group-grid";
import { licenseColumnsOfGroup } from "@/lib/assignments/grid-columns";
import { listLicenseGroupUserPage } from "@/lib/assignments/list-license-group-user-page";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { isRecordId } from "@/lib/validation/record-id";

type LicenseRow = Omit<GridLicense, "parts" | "validFrom" | "validUntil" | "seatHolders" | "isExpired"> & {
  columnId: string;
  validFrom: Date;
  validUntil: Date;
};

type SeatHolderRow = { licenseId: string; userId: string; expiresAt: Date; isDevice: boolean };

type GridOptions = { actor: Actor; groupId: string; clock?: Clock; db?: DbClient };

export async function getLicenseGroupGridHead(options: GridOptions): Promise<LicenseGroupGridHead> {
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  if (!isRecordId(options.groupId)) throw notFound("License group");

  // The version is read FIRST: a save committed while the rest is read makes it stale, so the next
  // save is refused (R26) and the user pages, read later, tell the grid to reload.
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
    WITH "columns" AS (${licenseColumnsOfGroup(group.id)})
    SELECT l."id"::text AS "id", c."columnId"::text AS "columnId", p."code" AS "productCode", p."name" AS "productName",
      p."kind"::text AS "productKind", l."type"::text AS "type", l."edition"::text AS "edition", l."seats", l."validFrom", l."validUntil",
      (SELECT count(*)::int FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."revokedAt" IS NULL) AS "assignedCount",
      (SELECT count(*)::int FROM "Activation" v WHERE v."licenseId" = l."id" AND v."deactivatedAt" IS NULL) AS "activatedCount"
    FROM "License" l JOIN "Product" p ON p."id" = l."productId" JOIN "columns" c ON c."id" = l."id"
    WHERE l."groupId" = ${group.id}::uuid
    ORDER BY p."name", l."type", l."validUntil", l."createdAt", l."id"`;
  const floatingIds = licenses.filter((license) => license.type === "FLOATING").map((license) => license.id);

  const [seatHolders, userCount] = await Promise.all([listSeatHolders(client, floatingIds, now), countMembers(client, group.company.id)]);

  return {
    group: {
      id: group.id,
      name: group.name,
      sapAccountNumber: group.sapAccountNumber,
      orderReference: group.orderReference,
      version: group.version,
    },
    company: group.company,
    licenses: toGridColumns(licenses, seatHolders, now),
    userCount,
  };
}

/** The head and every user in one answer, for the CSV export; the group page streams the users instead. */
export async function getLicenseGroupGrid(options: GridOptions): Promise<LicenseGroupGrid> {
  const head = await getLicenseGroupGridHead(options);
  const { users } = await listLicenseGroupUserPage({ actor: options.actor, groupId: options.groupId, limit: null, db: options.db });
  return { group: head.group, company: head.company, licenses: head.licenses, users };
}

async function countMembers(client: DbClient, companyId: string): Promise<number> {
  const [row] = await client.$queryRaw<
    { count: number }[]
  >`SELECT count(*)::int AS "count" FROM "Membership" WHERE "companyId" = ${companyId}::uuid`;
  return row?.count ?? 0;
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

/** One GridLicense per column: seats added up, the latest term, expired only when every license is. */
function toGridColumns(licenses: LicenseRow[], seatHolders: SeatHolderRow[], now: Date): GridLicense[] {
  const columns = new Map<string, GridLicense>();
  for (const license of licenses) {
    const column = columns.get(license.columnId);
    const own = toGridLicense(license, seatHolders, now);
    if (!column) {
      columns.set(license.columnId, { ...own, id: license.columnId });
      continue;
    }
    column.parts.push(...own.parts);
    column.seats += own.seats;
    column.assignedCount += own.assignedCount;
    column.activatedCount += own.activatedCount;
    column.seatHolders.push(...own.seatHolders);
    if (own.validFrom < column.validFrom) column.validFrom = own.validFrom;
    if (own.validUntil > column.validUntil) column.validUntil = own.validUntil;
    column.isExpired &&= own.isExpired;
  }
  // The column's oldest license names it; list it first whatever the display order.
  for (const column of columns.values()) column.parts.sort((left, right) => (left.id === column.id ? -1 : right.id === column.id ? 1 : 0));
  return [...columns.values()];
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
    activatedCount: license.activatedCount,
    seatHolders: seatHolders
      .filter((holder) => holder.licenseId === license.id)
      .map((holder) => ({
        userId: holder.userId,
        expiresAt: holder.expiresAt.toISOString(),
        holder: holder.isDevice ? "device" : "browser",
      })),
    validFrom: license.validFrom.toISOString(),
    validUntil: license.validUntil.toISOString(),
    isExpired: license.validUntil <= now,
    parts: [
      {
        id: license.id,
        seats: license.seats,
        assignedCount: license.assignedCount,
        validUntil: license.validUntil.toISOString(),
        isExpired: license.validUntil <= now,
      },
    ],
  };
}
