// R2/R5: a seat is released at logout (or when the software closes); expiry needs no release.
import "server-only";
import type { FloatingLease } from "@prisma/client";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isRecordId } from "@/lib/validation/record-id";

type ReleasedRow = FloatingLease & { wasOpen: boolean };

export async function releaseLease(options: {
  /** The lease's own user; anyone else's lease is not found (R28). */
  userId: string;
  leaseId: string;
  reason?: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<{ lease: FloatingLease; wasOpen: boolean }> {
  if (!isRecordId(options.leaseId)) throw notFound("Lease");
  const now = (options.clock ?? systemClock).now();
  const reason = options.reason?.trim() || "released";

  // One statement, so atomic without an interactive transaction (this is the hot path of every
  // desktop application's exit, bench/lease.ts): the conditional update changes the row once
  // however many releases and heartbeats race, and only that change writes the audit event (R24).
  const [row] = await (options.db ?? processDb()).$queryRaw<ReleasedRow[]>`
    WITH "target" AS (
      SELECT f."id", f."expiresAt", g."companyId"
      FROM "FloatingLease" f JOIN "License" l ON l."id" = f."licenseId" JOIN "LicenseGroup" g ON g."id" = l."groupId"
      WHERE f."id" = ${options.leaseId}::uuid AND f."userId" = ${options.userId}::uuid
    ), "released" AS (
      UPDATE "FloatingLease" f SET "releasedAt" = ${now}, "releaseReason" = ${reason}
      FROM "target" t WHERE f."id" = t."id" AND f."releasedAt" IS NULL
      RETURNING f.*
    ), "audited" AS (
      INSERT INTO "AuditEvent" ("action", "companyId", "actorId", "subjectUserId", "licenseId", "data", "createdAt")
      SELECT 'lease.released', t."companyId", r."userId", r."userId", r."licenseId",
        jsonb_build_object('leaseId', r."id", 'reason', ${reason}::text, 'wasLive', t."expiresAt" > ${now}), ${now}
      FROM "released" r JOIN "target" t ON t."id" = r."id"
    )
    SELECT COALESCE(r."id", f."id") AS "id", COALESCE(r."licenseId", f."licenseId") AS "licenseId", COALESCE(r."userId", f."userId") AS "userId",
      COALESCE(r."deviceId", f."deviceId") AS "deviceId", COALESCE(r."browserSessionId", f."browserSessionId") AS "browserSessionId",
      COALESCE(r."acquiredAt", f."acquiredAt") AS "acquiredAt", COALESCE(r."expiresAt", f."expiresAt") AS "expiresAt",
      COALESCE(r."releasedAt", f."releasedAt") AS "releasedAt", COALESCE(r."releaseReason", f."releaseReason") AS "releaseReason",
      (r."id" IS NOT NULL) AS "wasOpen"
    FROM "target" t JOIN "FloatingLease" f ON f."id" = t."id" LEFT JOIN "released" r ON r."id" = t."id"`;
  if (!row) throw notFound("Lease");
  const { wasOpen, ...lease } = row;
  return { lease, wasOpen };
}
