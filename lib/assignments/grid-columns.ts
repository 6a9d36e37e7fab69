// Which licenses the grid shows as one column (decision 020): same product, edition, type and last day;
// a floating license is a column of its own. One statement for head, pages and save; named by the oldest.
import { Prisma } from "@prisma/client";

/** Rows ("id", "columnId") for every license of the group; use as a CTE. */
export function licenseColumnsOfGroup(groupId: string): Prisma.Sql {
  return licenseColumns(Prisma.sql`l."groupId" = ${groupId}::uuid`);
}

/** Rows ("id", "columnId") for every license of every group of the company (the overview, the audit filter). */
export function licenseColumnsOfCompany(companyId: string): Prisma.Sql {
  return licenseColumns(Prisma.sql`l."groupId" IN (SELECT g."id" FROM "LicenseGroup" g WHERE g."companyId" = ${companyId}::uuid)`);
}

function licenseColumns(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT l."id", CASE WHEN l."type" = 'FLOATING' THEN l."id" ELSE first_value(l."id") OVER (
        PARTITION BY l."groupId", l."productId", l."edition", l."type", date_trunc('day', l."validUntil" AT TIME ZONE 'UTC')
        ORDER BY l."createdAt", l."id") END AS "columnId"
    FROM "License" l WHERE ${where}`;
}
