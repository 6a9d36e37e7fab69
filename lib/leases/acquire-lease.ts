// R2/R5: take (or extend) a seat of a floating license for one holder: a desktop device or a
// browser session. The same holder asking again extends its own lease instead of taking a second seat.
import "server-only";
import type { FloatingLease, ProductKind } from "@prisma/client";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { leaseExpiry } from "@/lib/leases/lease-policy";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export type LeaseHolder = { deviceId: string } | { browserSessionId: string };
export type AcquiredLease = { lease: FloatingLease; isNew: boolean };

const MAX_BROWSER_SESSION_ID_LENGTH = 200;

export async function acquireLease(options: {
  userId: string;
  licenseId: string;
  holder: LeaseHolder;
  clock?: Clock;
  db?: DbClient;
}): Promise<AcquiredLease> {
  const { userId, licenseId, holder } = options;
  if (!isRecordId(licenseId)) throw notFound("License");
  if ("deviceId" in holder ? !isRecordId(holder.deviceId) : !holder.browserSessionId || holder.browserSessionId.length > MAX_BROWSER_SESSION_ID_LENGTH) {
    throw notFound("Lease holder");
  }
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (transaction) => {
    // R25: every seat decision of this license happens under its row lock, so concurrent requests
    // on any number of app instances are counted one after another.
    const [license] = await transaction.$queryRaw<{ type: string; seats: number; validFrom: Date; validUntil: Date; kind: ProductKind; companyId: string }[]>`
      SELECT l."type", l."seats", l."validFrom", l."validUntil", p."kind", g."companyId"
      FROM "License" l JOIN "Product" p ON p."id" = l."productId" JOIN "LicenseGroup" g ON g."id" = l."groupId"
      WHERE l."id" = ${licenseId}::uuid FOR UPDATE OF l`;
    if (!license) throw notFound("License");
    const membership = await transaction.membership.findUnique({ where: { userId_companyId: { userId, companyId: license.companyId } }, select: { id: true } });
    if (!membership) throw notFound("License");
    if (license.type !== "FLOATING") throw new DomainError("INVALID", "Only floating licenses have leases", { reason: "NOT_FLOATING" });
    const assignment = await transaction.assignment.findFirst({ where: { licenseId, userId, revokedAt: null }, select: { id: true } });
    if (!assignment) throw new DomainError("FORBIDDEN", "This license is not assigned to you", { reason: "NOT_ASSIGNED" });
    if (now < license.validFrom || now >= license.validUntil) throw new DomainError("FORBIDDEN", "This license is not valid now", { reason: "LICENSE_NOT_VALID" });
    await assertHolderFits({ transaction, holder, kind: license.kind, userId, licenseId });

    const holderWhere = "deviceId" in holder ? { userId, deviceId: holder.deviceId } : { userId, browserSessionId: holder.browserSessionId };
    const open = await transaction.floatingLease.findFirst({ where: { licenseId, releasedAt: null, ...holderWhere } });
    if (open && open.expiresAt > now) {
      // The holder already has a seat: extend it (R5 "extended by 1 hour while in use").
      const lease = await transaction.floatingLease.update({ where: { id: open.id }, data: { expiresAt: leaseExpiry(now) } });
      return { lease, isNew: false };
    }

    // R25: counted after FOR UPDATE on the license row, so two instances cannot both take the last seat.
    const live = await transaction.floatingLease.aggregate({
      where: { licenseId, releasedAt: null, expiresAt: { gt: now } },
      _count: { _all: true },
      _min: { expiresAt: true },
    });
    if (live._count._all >= license.seats) {
      throw new DomainError("SEATS_EXHAUSTED", "All seats of this license are in use", {
        licenseId,
        seats: license.seats,
        nextExpiry: live._min.expiresAt?.toISOString() ?? null,
      });
    }
    // An open row of this holder whose hour has passed is taken up again, since the partial
    // unique indexes allow one open lease per holder; its seat was free in the meantime.
    const lease = open
      ? await transaction.floatingLease.update({ where: { id: open.id }, data: { acquiredAt: now, expiresAt: leaseExpiry(now) } })
      : await transaction.floatingLease.create({ data: { licenseId, userId, ...holderColumns(holder), acquiredAt: now, expiresAt: leaseExpiry(now) } });
    return { lease, isNew: true };
  });
}

/**
 * Web apps hold seats per browser session (R2); desktop apps per device, which must belong to the
 * user and have this license activated (R5: installed and activated once on every computer).
 */
async function assertHolderFits(options: { transaction: DbClient; holder: LeaseHolder; kind: ProductKind; userId: string; licenseId: string }): Promise<void> {
  const { transaction, holder, kind } = options;
  if (!("deviceId" in holder)) {
    if (kind !== "WEB") throw new DomainError("INVALID", "Desktop software takes seats per device", { reason: "WRONG_HOLDER" });
    return;
  }
  if (kind !== "DESKTOP") throw new DomainError("INVALID", "Web software takes seats per browser session", { reason: "WRONG_HOLDER" });
  const device = await transaction.device.findFirst({ where: { id: holder.deviceId, userId: options.userId }, select: { id: true } });
  if (!device) throw notFound("Device");
  const activation = await transaction.activation.findFirst({ where: { licenseId: options.licenseId, deviceId: device.id, deactivatedAt: null }, select: { id: true } });
  if (!activation) throw new DomainError("FORBIDDEN", "This device has not been activated for the license", { reason: "NOT_ACTIVATED" });
}

function holderColumns(holder: LeaseHolder): { deviceId: string | null; browserSessionId: string | null } {
  return "deviceId" in holder ? { deviceId: holder.deviceId, browserSessionId: null } : { deviceId: null, browserSessionId: holder.browserSessionId };
}
