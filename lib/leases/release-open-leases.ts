// Every open seat of a device (API sign-out, R5), a license (ended now, R31) or browser sessions (sign-out)
// at once, audited (R24); an expired lease not yet marked is closed too, so the history shows its end.
import "server-only";
import { Prisma } from "@prisma/client";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { DbClient } from "@/lib/db/client";

type ReleasedRow = { id: string; licenseId: string; userId: string; companyId: string; wasLive: boolean };

/** Runs inside the caller's transaction; returns the number of leases released. */
export async function releaseOpenLeases(options: {
  transaction: DbClient;
  of: { userId: string; deviceId: string } | { licenseId: string } | { userId: string; browserSessionIds: string[] };
  reason: string;
  actorId: string;
  now: Date;
}): Promise<number> {
  const { transaction, of, reason, now } = options;
  const holder =
    "licenseId" in of
      ? Prisma.sql`f."licenseId" = ${of.licenseId}::uuid`
      : "deviceId" in of
        ? Prisma.sql`f."userId" = ${of.userId}::uuid AND f."deviceId" = ${of.deviceId}::uuid`
        : Prisma.sql`f."userId" = ${of.userId}::uuid AND f."browserSessionId" = ANY(${of.browserSessionIds}::text[])`;
  // Conditional on releasedAt IS NULL: a release racing a heartbeat or another release counts once.
  const released = await transaction.$queryRaw<ReleasedRow[]>`
    UPDATE "FloatingLease" f SET "releasedAt" = ${now}, "releaseReason" = ${reason}
    FROM "License" l JOIN "LicenseGroup" g ON g."id" = l."groupId"
    WHERE l."id" = f."licenseId" AND ${holder} AND f."releasedAt" IS NULL
    RETURNING f."id"::text AS "id", f."licenseId"::text AS "licenseId", f."userId"::text AS "userId", g."companyId"::text AS "companyId", (f."expiresAt" > ${now}) AS "wasLive"`;
  await recordAuditEvents({
    db: transaction,
    events: released.map((lease) => ({
      action: "lease.released" as const,
      companyId: lease.companyId,
      actorId: options.actorId,
      subjectUserId: lease.userId,
      licenseId: lease.licenseId,
      data: { leaseId: lease.id, reason, wasLive: lease.wasLive },
      at: now,
    })),
  });
  return released.length;
}
