// R2/R5: take (or extend) a seat of a floating license for one holder: a desktop device or a
// browser session. The same holder asking again extends its own lease instead of taking a second seat.
// A new seat is recorded (lease.acquired); a refusal for lack of seats too (lease.refused), in a
// transaction of its own so the record commits although the seat transaction refuses (R24).
import "server-only";
import type { FloatingLease, ProductKind } from "@prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, isDomainError, notFound } from "@/lib/errors";
import { leaseExpiry } from "@/lib/leases/lease-policy";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

/** A device by id, a device of the user by its fingerprint (the API), or a browser session (web apps). */
export type LeaseHolder = { deviceId: string } | { fingerprint: string } | { browserSessionId: string };
export type AcquiredLease = {
  lease: FloatingLease;
  isNew: boolean;
  /** For the signed receipt (lease+jwt): its audience and the holder's machine. */
  productCode: string;
  fingerprint: string | null;
};

const MAX_BROWSER_SESSION_ID_LENGTH = 200;
const MAX_FINGERPRINT_LENGTH = 200;

type LicenseRow = {
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
type SeatsRow = { count: number; nextExpiry: Date | null; openId: string | null; openExpiresAt: Date | null };
type ResolvedHolder = { deviceId: string; fingerprint: string } | { browserSessionId: string };

export async function acquireLease(options: {
  userId: string;
  licenseId: string;
  holder: LeaseHolder;
  clock?: Clock;
  db?: DbClient;
}): Promise<AcquiredLease> {
  const { userId, licenseId, holder } = options;
  if (!isRecordId(licenseId)) throw notFound("License");
  if (!isWellFormedHolder(holder)) throw notFound("Lease holder");
  const now = (options.clock ?? systemClock).now();

  try {
    return await runInTransaction(options.db, async (transaction) => {
      // R25: every seat decision of this license happens under its row lock, so concurrent requests
      // on any number of app instances are counted one after another. NO KEY UPDATE, not UPDATE:
      // it serialises seat decisions just the same, but does not block the foreign-key checks of
      // rows that reference the license (audit events, leases), so a release holding a lease row
      // and recording its audit event never waits for this lock (no deadlock with heartbeats).
      // The same statement reads what needs no lock (membership, assignment, the holder's device).
      const [license] = await transaction.$queryRaw<LicenseRow[]>`
        SELECT l."type", l."seats", l."validFrom", l."validUntil", p."kind", p."code" AS "productCode", g."companyId"::text AS "companyId",
          EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = ${userId}::uuid AND m."companyId" = g."companyId") AS "isMember",
          EXISTS (SELECT 1 FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."userId" = ${userId}::uuid AND a."revokedAt" IS NULL) AS "isAssigned",
          d."id"::text AS "deviceId", d."fingerprint" AS "deviceFingerprint",
          EXISTS (SELECT 1 FROM "Activation" x WHERE x."licenseId" = l."id" AND x."deviceId" = d."id" AND x."deactivatedAt" IS NULL) AS "isActivated"
        FROM "License" l JOIN "Product" p ON p."id" = l."productId" JOIN "LicenseGroup" g ON g."id" = l."groupId"
        LEFT JOIN "Device" d ON d."userId" = ${userId}::uuid AND (d."id" = ${"deviceId" in holder ? holder.deviceId : null}::uuid OR d."fingerprint" = ${"fingerprint" in holder ? holder.fingerprint : null})
        WHERE l."id" = ${licenseId}::uuid FOR NO KEY UPDATE OF l`;
      // R28: another company's license is as unknown as a missing one.
      if (!license || !license.isMember) throw notFound("License");
      if (license.type !== "FLOATING") throw new DomainError("INVALID", "Only floating licenses have leases", { reason: "NOT_FLOATING" });
      if (!license.isAssigned) throw new DomainError("FORBIDDEN", "This license is not assigned to you", { reason: "NOT_ASSIGNED" });
      if (now < license.validFrom || now >= license.validUntil) throw new DomainError("FORBIDDEN", "This license is not valid now", { reason: "LICENSE_NOT_VALID" });
      const resolved = resolveHolder(holder, license);
      const granted = (lease: FloatingLease, isNew: boolean): AcquiredLease => ({ lease, isNew, productCode: license.productCode, fingerprint: "fingerprint" in resolved ? resolved.fingerprint : null });

      // After the lock, so a new statement sees every lease committed before it (READ COMMITTED).
      const [seats] = await transaction.$queryRaw<SeatsRow[]>`
        SELECT live."count", live."nextExpiry", open."id" AS "openId", open."expiresAt" AS "openExpiresAt"
        FROM (SELECT count(*)::int AS "count", min("expiresAt") AS "nextExpiry" FROM "FloatingLease"
              WHERE "licenseId" = ${licenseId}::uuid AND "releasedAt" IS NULL AND "expiresAt" > ${now}) live
        LEFT JOIN LATERAL (
          SELECT "id"::text AS "id", "expiresAt" FROM "FloatingLease"
          WHERE "licenseId" = ${licenseId}::uuid AND "releasedAt" IS NULL AND "userId" = ${userId}::uuid
            AND ("deviceId" = ${"deviceId" in resolved ? resolved.deviceId : null}::uuid OR "browserSessionId" = ${"browserSessionId" in resolved ? resolved.browserSessionId : null})
          LIMIT 1) open ON true`;
      const { count: live, nextExpiry, openId, openExpiresAt } = seats!;
      if (openId && openExpiresAt && openExpiresAt > now) {
        // The holder already has a seat: extend it (R5 "extended by 1 hour while in use").
        const [extended] = await transaction.$queryRaw<FloatingLease[]>`
          UPDATE "FloatingLease" SET "expiresAt" = ${leaseExpiry(now)} WHERE "id" = ${openId}::uuid RETURNING *`;
        return granted(extended!, false);
      }
      // R25: counted under the license row lock, so two instances cannot both take the last seat.
      if (live >= license.seats) {
        throw new DomainError("SEATS_EXHAUSTED", "All seats of this license are in use", {
          licenseId,
          companyId: license.companyId,
          seats: license.seats,
          nextExpiry: nextExpiry?.toISOString() ?? null,
        });
      }
      // An open row of this holder whose hour has passed is taken up again, since the partial
      // unique indexes allow one open lease per holder; its seat was free in the meantime.
      // Plain statements with RETURNING: this is every seat's hot path (bench/lease.ts).
      const columns = holderColumns(resolved);
      const [lease] = openId
        ? await transaction.$queryRaw<FloatingLease[]>`
            UPDATE "FloatingLease" SET "acquiredAt" = ${now}, "expiresAt" = ${leaseExpiry(now)} WHERE "id" = ${openId}::uuid RETURNING *`
        : await transaction.$queryRaw<FloatingLease[]>`
            INSERT INTO "FloatingLease" ("licenseId", "userId", "deviceId", "browserSessionId", "acquiredAt", "expiresAt")
            VALUES (${licenseId}::uuid, ${userId}::uuid, ${columns.deviceId}::uuid, ${columns.browserSessionId}, ${now}, ${leaseExpiry(now)})
            RETURNING *`;
      await recordAuditEvent({
        db: transaction,
        event: { action: "lease.acquired", companyId: license.companyId, actorId: userId, subjectUserId: userId, licenseId, data: { leaseId: lease!.id, holder: holderKind(resolved), expiresAt: lease!.expiresAt.toISOString() }, at: now },
      });
      return granted(lease!, true);
    });
  } catch (error) {
    if (isDomainError(error, "SEATS_EXHAUSTED")) {
      await recordAuditEvent({
        db: options.db,
        event: { action: "lease.refused", companyId: String(error.details.companyId), actorId: userId, subjectUserId: userId, licenseId, data: { reason: "NO_SEAT_AVAILABLE", seats: Number(error.details.seats), holder: "browserSessionId" in holder ? "browser" : "device" }, at: now },
      });
    }
    throw error;
  }
}

function isWellFormedHolder(holder: LeaseHolder): boolean {
  if ("deviceId" in holder) return isRecordId(holder.deviceId);
  if ("fingerprint" in holder) return Boolean(holder.fingerprint) && holder.fingerprint.length <= MAX_FINGERPRINT_LENGTH;
  return Boolean(holder.browserSessionId) && holder.browserSessionId.length <= MAX_BROWSER_SESSION_ID_LENGTH;
}

/**
 * Web apps hold seats per browser session (R2); desktop apps per device, which must belong to the
 * user and have this license activated (R5: installed and activated once on every computer).
 */
function resolveHolder(holder: LeaseHolder, license: LicenseRow): ResolvedHolder {
  if ("browserSessionId" in holder) {
    if (license.kind !== "WEB") throw new DomainError("INVALID", "Desktop software takes seats per device", { reason: "WRONG_HOLDER" });
    return { browserSessionId: holder.browserSessionId };
  }
  if (license.kind !== "DESKTOP") throw new DomainError("INVALID", "Web software takes seats per browser session", { reason: "WRONG_HOLDER" });
  // A device id must be the user's own; an unknown fingerprint is a machine that was never activated.
  if (!license.deviceId && "deviceId" in holder) throw notFound("Device");
  if (!license.deviceId || !license.deviceFingerprint || !license.isActivated) throw new DomainError("FORBIDDEN", "This device has not been activated for the license", { reason: "NOT_ACTIVATED" });
  return { deviceId: license.deviceId, fingerprint: license.deviceFingerprint };
}

function holderColumns(holder: ResolvedHolder): { deviceId: string | null; browserSessionId: string | null } {
  return "deviceId" in holder ? { deviceId: holder.deviceId, browserSessionId: null } : { deviceId: null, browserSessionId: holder.browserSessionId };
}

function holderKind(holder: ResolvedHolder): "device" | "browser" {
  return "deviceId" in holder ? "device" : "browser";
}
