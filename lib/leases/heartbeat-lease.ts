// R2/R5: a heartbeat extends a live lease by an hour and renews a lapsed one while a seat is free, else
// LEASE_EXPIRED; ended access releases the seat with its 403 (docs/ARCHITECTURE.md, "Lease lifetime").
import "server-only";
import type { FloatingLease } from "@prisma/client";
import { recordAuditEvents, type AuditEventInput } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import type { AcquiredLease } from "@/lib/leases/acquire-lease";
import { leaseExpiry } from "@/lib/leases/lease-policy";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";
import { isLicenseValidAt } from "@/lib/licenses/license-validity";

export type HeartbeatResult = Omit<AcquiredLease, "isNew"> & { wasRenewedAfterExpiry: boolean };

type LicenseRow = {
  seats: number;
  validFrom: Date;
  validUntil: Date;
  companyId: string;
  productCode: string;
  isMember: boolean;
  isAssigned: boolean;
};
type LeaseRow = FloatingLease & { fingerprint: string | null; isActivated: boolean };
type Outcome = { result: HeartbeatResult } | { refusal: DomainError };

export async function heartbeatLease(options: { userId: string; leaseId: string; clock?: Clock; db?: DbClient }): Promise<HeartbeatResult> {
  const { userId, leaseId } = options;
  if (!isRecordId(leaseId)) throw notFound("Lease");
  const now = (options.clock ?? systemClock).now();

  // Refusals that release the lease are returned, not thrown, so the release commits.
  const outcome = await runInTransaction<Outcome>(options.db, async (transaction) => {
    // The license row, then the lease row, the order of every seat decision, so none can deadlock.
    // R28: another user's lease is not found.
    const [license] = await transaction.$queryRaw<LicenseRow[]>`
      SELECT l."seats", l."validFrom", l."validUntil", g."companyId"::text AS "companyId", p."code" AS "productCode",
        EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = ${userId}::uuid AND m."companyId" = g."companyId") AS "isMember",
        EXISTS (SELECT 1 FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."userId" = ${userId}::uuid AND a."revokedAt" IS NULL) AS "isAssigned"
      FROM "License" l JOIN "LicenseGroup" g ON g."id" = l."groupId" JOIN "Product" p ON p."id" = l."productId"
      WHERE l."id" = (SELECT "licenseId" FROM "FloatingLease" WHERE "id" = ${leaseId}::uuid AND "userId" = ${userId}::uuid)
      FOR NO KEY UPDATE OF l`;
    if (!license) throw notFound("Lease");
    const [lease] = await transaction.$queryRaw<LeaseRow[]>`
      SELECT f.*, d."fingerprint",
        (f."deviceId" IS NULL OR EXISTS (SELECT 1 FROM "Activation" x WHERE x."licenseId" = f."licenseId" AND x."deviceId" = f."deviceId" AND x."deactivatedAt" IS NULL)) AS "isActivated"
      FROM "FloatingLease" f LEFT JOIN "Device" d ON d."id" = f."deviceId"
      WHERE f."id" = ${leaseId}::uuid FOR UPDATE OF f`;
    if (!lease) throw notFound("Lease");
    const audit = { companyId: license.companyId, actorId: userId, subjectUserId: userId, licenseId: lease.licenseId, at: now };
    const expired = () => new DomainError("CONFLICT", "The lease expired and its seat was taken", { reason: "LEASE_EXPIRED" });

    // Before "released": a revoked or deactivated client should learn why (403), not only that its seat is gone.
    const ended = accessEnded({ license, lease, now });
    if (ended) {
      if (lease.releasedAt === null) {
        await release({
          transaction,
          leaseId,
          reason: ended.releaseReason,
          now,
          events: [{ ...audit, action: "lease.released", data: { leaseId, reason: ended.releaseReason, wasLive: lease.expiresAt > now } }],
        });
      }
      return { refusal: new DomainError("FORBIDDEN", ended.message, { reason: ended.refusal }) };
    }
    if (lease.releasedAt !== null) return { refusal: expired() };
    const granted = (updated: FloatingLease, wasRenewedAfterExpiry: boolean): Outcome => ({
      result: { lease: updated, productCode: license.productCode, fingerprint: lease.fingerprint, wasRenewedAfterExpiry },
    });

    if (lease.expiresAt > now) {
      return granted(await transaction.floatingLease.update({ where: { id: leaseId }, data: { expiresAt: leaseExpiry(now) } }), false);
    }
    // The hour has passed: the seat was free for anyone meanwhile. Renew only if one still is.
    const live = await transaction.floatingLease.count({ where: { licenseId: lease.licenseId, releasedAt: null, expiresAt: { gt: now } } });
    if (live >= license.seats) {
      await release({
        transaction,
        leaseId,
        reason: "expired",
        now,
        events: [{ ...audit, action: "lease.expired", data: { leaseId, expiredAt: lease.expiresAt.toISOString() } }],
      });
      return { refusal: expired() };
    }
    const renewed = await transaction.floatingLease.update({
      where: { id: leaseId },
      data: { acquiredAt: now, expiresAt: leaseExpiry(now) },
    });
    await recordAuditEvents({
      db: transaction,
      events: [
        { ...audit, action: "lease.acquired", data: { leaseId, renewedAfterExpiry: true, expiresAt: renewed.expiresAt.toISOString() } },
      ],
    });
    return granted(renewed, true);
  });
  if ("refusal" in outcome) throw outcome.refusal;
  return outcome.result;
}

/** Why the holder may no longer hold the seat: the refusal's reason, and the lease's release reason. */
type AccessEnded = {
  refusal: "MEMBERSHIP_ENDED" | "NOT_ASSIGNED" | "LICENSE_NOT_VALID" | "NOT_ACTIVATED";
  releaseReason: string;
  message: string;
};

function accessEnded(options: { license: LicenseRow; lease: LeaseRow; now: Date }): AccessEnded | null {
  const { license, lease, now } = options;
  if (!license.isMember)
    return {
      refusal: "MEMBERSHIP_ENDED",
      releaseReason: "membership ended",
      message: "You are no longer a member of the license's company",
    };
  if (!license.isAssigned)
    return { refusal: "NOT_ASSIGNED", releaseReason: "assignment revoked", message: "This license is no longer assigned to you" };
  if (!isLicenseValidAt(license, now))
    return { refusal: "LICENSE_NOT_VALID", releaseReason: "license not valid", message: "This license is not valid now" };
  if (!lease.isActivated)
    return { refusal: "NOT_ACTIVATED", releaseReason: "device deactivated", message: "This device is no longer activated for the license" };
  return null;
}

async function release(options: {
  transaction: DbClient;
  leaseId: string;
  reason: string;
  now: Date;
  events: AuditEventInput[];
}): Promise<void> {
  await options.transaction.floatingLease.update({
    where: { id: options.leaseId },
    data: { releasedAt: options.now, releaseReason: options.reason },
  });
  await recordAuditEvents({ db: options.transaction, events: options.events });
}
