// R12: the company's license groups with their licenses as the grid's columns (decision 020), for its admins.
import "server-only";
import type { LicenseEdition, LicenseType, ProductKind } from "@prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireSoftwareManager } from "@/lib/auth/permissions";
import { systemClock, type Clock } from "@/lib/clock";
import { db, type DbClient } from "@/lib/db/client";
import { licenseColumnsOfCompany } from "@/lib/assignments/grid-columns";
import type { SeatCounts } from "@/lib/licenses/seat-counts";

export type LicenseSummary = {
  /** The column's id: licenses of one kind are one line, as in the grid. */
  id: string;
  product: { name: string; kind: ProductKind };
  edition: LicenseEdition;
  type: LicenseType;
  counts: SeatCounts;
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

type LicenseRow = {
  id: string;
  columnId: string;
  groupId: string;
  productName: string;
  productKind: ProductKind;
  edition: LicenseEdition;
  type: LicenseType;
  seats: number;
  validFrom: Date;
  validUntil: Date;
  assigned: number;
  activated: number;
  inUseNow: number;
};

export async function listLicenseGroups(
  options: { actor: Pick<CurrentUser, "memberships">; companyId: string; clock?: Clock },
  client: DbClient = db(),
): Promise<LicenseGroupSummary[]> {
  requireSoftwareManager(options.actor, options.companyId);
  const now = (options.clock ?? systemClock).now();

  const groups = await client.licenseGroup.findMany({
    where: { companyId: options.companyId },
    orderBy: [{ name: "asc" }, { sapAccountNumber: "asc" }],
    select: { id: true, name: true, sapAccountNumber: true, orderReference: true },
  });
  const licenses = await client.$queryRaw<LicenseRow[]>`
    WITH "columns" AS (${licenseColumnsOfCompany(options.companyId)})
    SELECT l."id"::text AS "id", c."columnId"::text AS "columnId", l."groupId"::text AS "groupId", p."name" AS "productName",
      p."kind"::text AS "productKind", l."edition"::text AS "edition", l."type"::text AS "type", l."seats", l."validFrom", l."validUntil",
      (SELECT count(*)::int FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."revokedAt" IS NULL) AS "assigned",
      (SELECT count(*)::int FROM "Activation" v WHERE v."licenseId" = l."id" AND v."deactivatedAt" IS NULL) AS "activated",
      (SELECT count(*)::int FROM "FloatingLease" f WHERE f."licenseId" = l."id" AND f."releasedAt" IS NULL AND f."expiresAt" > ${now}) AS "inUseNow"
    FROM "License" l JOIN "columns" c ON c."id" = l."id" JOIN "Product" p ON p."id" = l."productId"
    ORDER BY p."name", l."type", l."validUntil", l."createdAt", l."id"`;

  const columns = new Map<string, LicenseSummary & { groupId: string }>();
  for (const row of licenses) {
    const column = columns.get(row.columnId);
    if (!column) {
      columns.set(row.columnId, {
        id: row.columnId,
        groupId: row.groupId,
        product: { name: row.productName, kind: row.productKind },
        edition: row.edition,
        type: row.type,
        counts: { seats: row.seats, assigned: row.assigned, activated: row.activated, inUseNow: row.inUseNow },
        validFrom: row.validFrom,
        validUntil: row.validUntil,
        isExpired: row.validUntil <= now,
      });
      continue;
    }
    const { counts } = column;
    column.counts = {
      seats: counts.seats + row.seats,
      assigned: counts.assigned + row.assigned,
      activated: counts.activated + row.activated,
      inUseNow: counts.inUseNow + row.inUseNow,
    };
    if (row.validFrom < column.validFrom) column.validFrom = row.validFrom;
    if (row.validUntil > column.validUntil) column.validUntil = row.validUntil;
    column.isExpired &&= row.validUntil <= now;
  }
  const byGroup = new Map<string, LicenseSummary[]>();
  for (const { groupId, ...license } of columns.values()) byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), license]);
  return groups.map((group) => ({ ...group, licenses: byGroup.get(group.id) ?? [] }));
}
