// R4: the machines the group's node-locked licenses are active on now, for the company's admins.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { isRecordId } from "@/lib/validation/record-id";

/** Dates are ISO strings to cross the server/client boundary. */
export type GroupDevice = {
  activationId: string;
  hostname: string;
  userId: string;
  userName: string;
  userEmail: string;
  productName: string;
  licenseId: string;
  activatedAt: string;
  lastSeenAt: string;
};

type DeviceRow = Omit<GroupDevice, "activatedAt" | "lastSeenAt"> & { activatedAt: Date; lastSeenAt: Date };

export async function listGroupDevices(options: { actor: Actor; groupId: string; db?: DbClient }): Promise<GroupDevice[]> {
  const client = options.db ?? processDb();
  if (!isRecordId(options.groupId)) throw notFound("License group");
  const group = await client.licenseGroup.findUnique({ where: { id: options.groupId }, select: { companyId: true } });
  if (!group) throw notFound("License group");
  await requireCompanyAdmin({ actor: options.actor, companyId: group.companyId, db: client, resource: "License group" });

  // Floating activations are not listed: a floating seat is a lease, freed by itself (R5).
  const rows = await client.$queryRaw<DeviceRow[]>`
    SELECT a."id"::text AS "activationId", d."hostname", u."id"::text AS "userId",
      trim(u."firstName" || ' ' || u."lastName") AS "userName", u."email" AS "userEmail",
      p."name" AS "productName", l."id"::text AS "licenseId", a."activatedAt",
      GREATEST(a."lastSeenAt", d."lastSeenAt") AS "lastSeenAt"
    FROM "Activation" a
    JOIN "License" l ON l."id" = a."licenseId"
    JOIN "Product" p ON p."id" = l."productId"
    JOIN "Device" d ON d."id" = a."deviceId"
    JOIN "User" u ON u."id" = a."userId"
    WHERE l."groupId" = ${options.groupId}::uuid AND a."licenseType" = 'NODE_LOCKED' AND a."deactivatedAt" IS NULL
    ORDER BY p."name", lower(u."lastName"), lower(u."firstName"), d."hostname"`;
  return rows.map((row) => ({
    ...row,
    userName: row.userName || row.userEmail,
    activatedAt: row.activatedAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
  }));
}
