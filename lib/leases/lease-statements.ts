// The SQL of a floating seat's hot path (R2, R5, R25), as Prisma.Sql values: the app runs them with
// $queryRaw, and bench/lease.ts's reference program runs the very same text through `pg`
// (`statement.text`, `statement.values`), so the benchmark compares the app's overhead, not two
// different transactions.
//
// Taking a seat is two statements in one transaction, and the split matters:
//   1. lockLicenseForLease: the license row FOR NO KEY UPDATE, read together with what needs no
//      lock (membership, assignment, the holder's device and its activation).
//   2. takeSeat: counts the live leases and extends, takes up or inserts the holder's lease, and
//      records the audit event — one statement, so the lock is held for one round trip only.
// Statement 2 must be a statement of its own: under READ COMMITTED a statement's snapshot is taken
// when it starts, so only a statement that starts after the lock was granted sees every lease
// committed by the transaction that held it before (folding the count into statement 1 would count
// from a snapshot older than the lock and could hand out a seat twice).
import "server-only";
import { Prisma, type FloatingLease, type ProductKind } from "@prisma/client";
import { leaseExpiry } from "@/lib/leases/lease-policy";

export type LicenseForLease = {
  type: string;
  seats: number;
  validFrom: Date;
  validUntil: Date;
  kind: ProductKind;
  companyId: string;
  productCode: string;
  isMember: boolean;
  isAssigned: boolean;
  deviceId: string | null;
  deviceFingerprint: string | null;
  isActivated: boolean;
};

export function lockLicenseForLease(options: { licenseId: string; userId: string; deviceId: string | null; fingerprint: string | null }): Prisma.Sql {
  const { licenseId, userId, deviceId, fingerprint } = options;
  // NO KEY UPDATE, not UPDATE: it serialises seat decisions just the same, but does not block the
  // foreign-key checks of rows that reference the license (audit events, leases), so a release
  // holding a lease row and recording its audit event never waits for this lock.
  return Prisma.sql`
    SELECT l."type", l."seats", l."validFrom", l."validUntil", p."kind", p."code" AS "productCode", g."companyId"::text AS "companyId",
      EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = ${userId}::uuid AND m."companyId" = g."companyId") AS "isMember",
      EXISTS (SELECT 1 FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."userId" = ${userId}::uuid AND a."revokedAt" IS NULL) AS "isAssigned",
      d."id"::text AS "deviceId", d."fingerprint" AS "deviceFingerprint",
      EXISTS (SELECT 1 FROM "Activation" x WHERE x."licenseId" = l."id" AND x."deviceId" = d."id" AND x."deactivatedAt" IS NULL) AS "isActivated"
    FROM "License" l JOIN "Product" p ON p."id" = l."productId" JOIN "LicenseGroup" g ON g."id" = l."groupId"
    LEFT JOIN "Device" d ON d."userId" = ${userId}::uuid AND (d."id" = ${deviceId}::uuid OR d."fingerprint" = ${fingerprint})
    WHERE l."id" = ${licenseId}::uuid FOR NO KEY UPDATE OF l`;
}

/** One row always: the live count, and the holder's lease when it was extended (isNew false) or taken (true). */
export type TakeSeatRow = Partial<FloatingLease> & { liveCount: number; nextExpiry: Date | null; isNew: boolean | null };

export function takeSeat(options: {
  licenseId: string;
  companyId: string;
  userId: string;
  seats: number;
  holder: { deviceId: string | null; browserSessionId: string | null };
  now: Date;
}): Prisma.Sql {
  const { licenseId, companyId, userId, seats, now } = options;
  const { deviceId, browserSessionId } = options.holder;
  const expiresAt = leaseExpiry(now);
  const holderKind = deviceId ? "device" : "browser";
  // "open" is the holder's unreleased row (the partial unique indexes allow one per holder). Still
  // live: extended by an hour, no seat counted (R5). Past its hour: taken up again if a seat is
  // free, since its seat was free in the meantime. None: a new row if a seat is free. No row comes
  // back when every seat is in use; the caller answers with the count and the next expiry.
  return Prisma.sql`
    WITH "live" AS (
      SELECT count(*)::int AS "count", min("expiresAt") AS "nextExpiry" FROM "FloatingLease"
      WHERE "licenseId" = ${licenseId}::uuid AND "releasedAt" IS NULL AND "expiresAt" > ${now}
    ), "open" AS (
      SELECT "id", "expiresAt" FROM "FloatingLease"
      WHERE "licenseId" = ${licenseId}::uuid AND "releasedAt" IS NULL AND "userId" = ${userId}::uuid
        AND ("deviceId" = ${deviceId}::uuid OR "browserSessionId" = ${browserSessionId})
      LIMIT 1
    ), "extended" AS (
      UPDATE "FloatingLease" f SET "expiresAt" = ${expiresAt}
      FROM "open" o WHERE f."id" = o."id" AND o."expiresAt" > ${now}
      RETURNING f.*
    ), "reopened" AS (
      UPDATE "FloatingLease" f SET "acquiredAt" = ${now}, "expiresAt" = ${expiresAt}
      FROM "open" o, "live" c WHERE f."id" = o."id" AND o."expiresAt" <= ${now} AND c."count" < ${seats}
      RETURNING f.*
    ), "inserted" AS (
      INSERT INTO "FloatingLease" ("licenseId", "userId", "deviceId", "browserSessionId", "acquiredAt", "expiresAt")
      SELECT ${licenseId}::uuid, ${userId}::uuid, ${deviceId}::uuid, ${browserSessionId}, ${now}, ${expiresAt}
      FROM "live" c WHERE c."count" < ${seats} AND NOT EXISTS (SELECT 1 FROM "open")
      RETURNING *
    ), "taken" AS (
      SELECT * FROM "reopened" UNION ALL SELECT * FROM "inserted"
    ), "audited" AS (
      INSERT INTO "AuditEvent" ("action", "companyId", "actorId", "subjectUserId", "licenseId", "data", "createdAt")
      SELECT 'lease.acquired', ${companyId}::uuid, ${userId}::uuid, ${userId}::uuid, ${licenseId}::uuid,
        jsonb_build_object('leaseId', t."id", 'holder', ${holderKind}::text, 'expiresAt', ${expiresAt.toISOString()}::text), ${now}
      FROM "taken" t
    )
    SELECT c."count" AS "liveCount", c."nextExpiry", r.*
    FROM "live" c LEFT JOIN (
      SELECT true AS "isNew", t.* FROM "taken" t UNION ALL SELECT false AS "isNew", e.* FROM "extended" e
    ) r ON true`;
}

/**
 * A release in one statement, so atomic without an interactive transaction: the conditional update
 * changes the row once however many releases and heartbeats race, and only that change writes the
 * audit event (R24). No row: not this user's lease.
 */
export function releaseLeaseStatement(options: { leaseId: string; userId: string; reason: string; now: Date }): Prisma.Sql {
  const { leaseId, userId, reason, now } = options;
  return Prisma.sql`
    WITH "target" AS (
      SELECT f."id", f."expiresAt", g."companyId"
      FROM "FloatingLease" f JOIN "License" l ON l."id" = f."licenseId" JOIN "LicenseGroup" g ON g."id" = l."groupId"
      WHERE f."id" = ${leaseId}::uuid AND f."userId" = ${userId}::uuid
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
}
