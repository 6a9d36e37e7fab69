// The SQL of a floating seat's hot path (R2, R5, R25), shared with bench/lease.ts's reference program, so the
// benchmark compares the app's overhead, not two different transactions.
import "server-only";
import { Prisma, type ProductKind } from "@prisma/client";
import { leaseExpiry } from "@/lib/leases/lease-policy";

/** The API session a statement checks before it writes (decision 013); null where the caller checked its own. */
export type SessionToCheck = { sessionId: string; sessionVersion: number } | null;

/** What take_floating_seat returns (prisma/migrations/20261205000000_session_checked_in_seat_statements). */
export type TakenSeatRow = {
  /** false: the API session has ended; the other fields are null and nothing was written. */
  isSessionLive: boolean;
  type: string;
  seats: number;
  validFrom: Date;
  validUntil: Date;
  kind: ProductKind;
  productCode: string;
  companyId: string;
  isMember: boolean;
  isAssigned: boolean;
  deviceId: string | null;
  deviceFingerprint: string | null;
  isActivated: boolean;
  /** Null when a check failed before counting. */
  liveCount: number | null;
  nextExpiry: Date | null;
  /** true: a seat taken; false: the holder's live lease extended; null: nothing written. */
  isNew: boolean | null;
  leaseId: string | null;
  leaseDeviceId: string | null;
  leaseBrowserSessionId: string | null;
  acquiredAt: Date | null;
  expiresAt: Date | null;
};

/** Takes or extends a seat in one statement (decision 012): lock, count, lease and audit event. */
export function takeFloatingSeat(options: {
  licenseId: string;
  userId: string;
  deviceId: string | null;
  fingerprint: string | null;
  browserSessionId: string | null;
  session: SessionToCheck;
  now: Date;
}): Prisma.Sql {
  const { licenseId, userId, deviceId, fingerprint, browserSessionId, session, now } = options;
  const expiresAt = leaseExpiry(now);
  return Prisma.sql`
    SELECT * FROM "take_floating_seat"(${licenseId}::uuid, ${userId}::uuid, ${deviceId}::uuid, ${fingerprint}::text,
      ${browserSessionId}::text, ${now}::timestamptz, ${expiresAt}::timestamptz, ${expiresAt.toISOString()}::text,
      ${session?.sessionId ?? null}::uuid, ${session?.sessionVersion ?? null}::integer)`;
}

/**
 * A release in one statement: the conditional update changes the row once however many race, and only
 * that change is audited (R24). One row: the lease's columns, null when it is not this user's.
 */
export function releaseLeaseStatement(options: {
  leaseId: string;
  userId: string;
  reason: string;
  session: SessionToCheck;
  now: Date;
}): Prisma.Sql {
  const { leaseId, userId, reason, session, now } = options;
  return Prisma.sql`
    WITH "session" AS (
      SELECT (${session?.sessionId ?? null}::uuid IS NULL
        OR "api_session_is_live"(${userId}::uuid, ${session?.sessionId ?? null}::uuid, ${session?.sessionVersion ?? null}::integer)) AS "isLive"
    ), "target" AS (
      SELECT f."id", f."expiresAt", g."companyId"
      FROM "FloatingLease" f JOIN "License" l ON l."id" = f."licenseId" JOIN "LicenseGroup" g ON g."id" = l."groupId"
      WHERE f."id" = ${leaseId}::uuid AND f."userId" = ${userId}::uuid AND (SELECT "isLive" FROM "session")
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
    SELECT s."isLive" AS "isSessionLive", COALESCE(r."id", f."id") AS "id", COALESCE(r."licenseId", f."licenseId") AS "licenseId", COALESCE(r."userId", f."userId") AS "userId",
      COALESCE(r."deviceId", f."deviceId") AS "deviceId", COALESCE(r."browserSessionId", f."browserSessionId") AS "browserSessionId",
      COALESCE(r."acquiredAt", f."acquiredAt") AS "acquiredAt", COALESCE(r."expiresAt", f."expiresAt") AS "expiresAt",
      COALESCE(r."releasedAt", f."releasedAt") AS "releasedAt", COALESCE(r."releaseReason", f."releaseReason") AS "releaseReason",
      (r."id" IS NOT NULL) AS "wasOpen"
    FROM "session" s LEFT JOIN ("target" t JOIN "FloatingLease" f ON f."id" = t."id" LEFT JOIN "released" r ON r."id" = t."id") ON true`;
}
