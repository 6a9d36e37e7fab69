// Issue 14 item 7: which licenses the grid shows as one column. An admin assigns a product, not a
// license number: licenses of one product, edition and type whose term ends on the same day are
// interchangeable, so they are one column with their seats added up, and a grant picks a free
// license of the column (save-assignments.ts). A floating license stays a column of its own: a
// lease takes a seat of one license (R2), so two pools are not one.
//
// The rule is this one SQL statement, used by the grid's head, its user pages and the save, so the
// three can never disagree. A column is named by its oldest license's id, which stays the same when
// a license of the kind is bought later.
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
