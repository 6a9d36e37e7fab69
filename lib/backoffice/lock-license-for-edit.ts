// A back-office license edit takes a grid save's locks in its order (group row, then license row), so edits,
// saves, leases and activations cannot deadlock (docs/ARCHITECTURE.md, "In transactions").
import "server-only";
import type { LicenseType } from "@prisma/client";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";

export type LockedLicenseForEdit = {
  id: string;
  groupId: string;
  companyId: string;
  type: LicenseType;
  seats: number;
  validFrom: Date;
  validUntil: Date;
  version: number;
  productName: string;
};

export async function lockLicenseForEdit(
  transaction: DbClient,
  options: { licenseId: string; expectedVersion?: number },
): Promise<LockedLicenseForEdit> {
  // A license never moves to another group, so its group can be read before the locks.
  const [found] = await transaction.$queryRaw<
    { groupId: string }[]
  >`SELECT "groupId"::text AS "groupId" FROM "License" WHERE "id" = ${options.licenseId}::uuid`;
  if (!found) throw notFound("License");
  await transaction.$queryRaw`SELECT "id" FROM "LicenseGroup" WHERE "id" = ${found.groupId}::uuid FOR NO KEY UPDATE`;
  const [license] = await transaction.$queryRaw<LockedLicenseForEdit[]>`
    SELECT l."id"::text AS "id", l."groupId"::text AS "groupId", g."companyId"::text AS "companyId", l."type", l."seats",
      l."validFrom", l."validUntil", l."version", p."name" AS "productName"
    FROM "License" l JOIN "LicenseGroup" g ON g."id" = l."groupId" JOIN "Product" p ON p."id" = l."productId"
    WHERE l."id" = ${options.licenseId}::uuid FOR NO KEY UPDATE OF l`;
  if (!license) throw notFound("License");
  // Two staff members editing one license: the second is told to look again (like R26).
  if (options.expectedVersion !== undefined && options.expectedVersion !== license.version) {
    throw new DomainError("CONFLICT", "Someone else changed this license; reload to see the change", {
      reason: "STALE_VERSION",
      currentVersion: license.version,
    });
  }
  return license;
}

/** Open grids of the group notice the change: their next save is refused as stale (R26). */
export async function bumpGroupVersion(transaction: DbClient, groupId: string): Promise<number> {
  const { version } = await transaction.licenseGroup.update({
    where: { id: groupId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  return version;
}
