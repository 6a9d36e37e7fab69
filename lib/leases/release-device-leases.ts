// R5: "released at logout". When a desktop application signs out of the API, every seat its
// machine holds for the user is given back at once, each recorded for the license's company (R24).
import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { DbClient } from "@/lib/db/client";

type ReleasedRow = { id: string; licenseId: string; companyId: string; wasLive: boolean };

/** Runs inside the caller's transaction; returns the number of leases released. */
export async function releaseDeviceLeases(options: { transaction: DbClient; userId: string; deviceId: string; reason: string; now: Date }): Promise<number> {
  const { transaction, userId, deviceId, reason, now } = options;
  // Conditional on releasedAt IS NULL: a release racing a heartbeat or another release counts once.
  const released = await transaction.$queryRaw<ReleasedRow[]>`
    UPDATE "FloatingLease" f SET "releasedAt" = ${now}, "releaseReason" = ${reason}
    FROM "License" l JOIN "LicenseGroup" g ON g."id" = l."groupId"
    WHERE l."id" = f."licenseId" AND f."userId" = ${userId}::uuid AND f."deviceId" = ${deviceId}::uuid AND f."releasedAt" IS NULL
    RETURNING f."id"::text AS "id", f."licenseId"::text AS "licenseId", g."companyId"::text AS "companyId", (f."expiresAt" > ${now}) AS "wasLive"`;
  await recordAuditEvents({
    db: transaction,
    events: released.map((lease) => ({
      action: "lease.released" as const,
      companyId: lease.companyId,
      actorId: userId,
      subjectUserId: userId,
      licenseId: lease.licenseId,
      data: { leaseId: lease.id, reason, wasLive: lease.wasLive },
      at: now,
    })),
  });
  return released.length;
}
