// R3/R4/R5/R22: a desktop application activates its machine with the key; node-locked is one machine, floating
// every machine once (seats are leases). Refusals are recorded in a transaction of their own (R24).
import "server-only";
import type { Activation, Device, LicenseEdition, LicenseType } from "@prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError, isDomainError } from "@/lib/errors";
import { normalizeActivationKey } from "@/lib/licenses/activation-key";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isUniqueViolation } from "@/lib/transactions/unique-violation";
import type { Actor } from "@/lib/accounts/actor";
import { isLicenseValidAt } from "@/lib/licenses/license-validity";

export type ActivatedLicense = {
  id: string;
  type: LicenseType;
  edition: LicenseEdition;
  validUntil: Date;
  companyId: string;
  product: { code: string; name: string };
};
export type LicenseActivation = { activation: Activation; device: Device; license: ActivatedLicense; isNew: boolean };

/** A device fingerprint as the portal stores it; also the bound for seat requests by fingerprint. */
export const MAX_FINGERPRINT_LENGTH = 200;
const MAX_HOSTNAME_LENGTH = 255;

type LicenseRow = {
  id: string;
  type: LicenseType;
  edition: LicenseEdition;
  validFrom: Date;
  validUntil: Date;
  companyId: string;
  productCode: string;
  productName: string;
};

export async function activateLicense(options: {
  actor: Actor;
  activationKey: string;
  fingerprint: string;
  hostname: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<LicenseActivation> {
  const key = normalizeActivationKey(options.activationKey);
  if (!key) throw unknownKey();
  const fingerprint = options.fingerprint.trim();
  const hostname = options.hostname.trim();
  if (!fingerprint || fingerprint.length > MAX_FINGERPRINT_LENGTH)
    throw new DomainError("INVALID", "Invalid device fingerprint", { fields: { fingerprint: "invalid" } });
  if (!hostname || hostname.length > MAX_HOSTNAME_LENGTH)
    throw new DomainError("INVALID", "Invalid hostname", { fields: { hostname: "invalid" } });
  const now = (options.clock ?? systemClock).now();

  try {
    return await runInTransaction(options.db, async (transaction) => {
      // R25: one activation decision per license at a time on every instance (NO KEY UPDATE, like every seat lock).
      const [license] = await transaction.$queryRaw<LicenseRow[]>`
        SELECT l."id"::text AS "id", l."type", l."edition", l."validFrom", l."validUntil", g."companyId"::text AS "companyId", p."code" AS "productCode", p."name" AS "productName"
        FROM "License" l JOIN "LicenseGroup" g ON g."id" = l."groupId" JOIN "Product" p ON p."id" = l."productId"
        WHERE l."activationKey" = ${key} FOR NO KEY UPDATE OF l`;
      if (!license || license.type === "NAMED_USER") throw unknownKey();
      // R28: a key of a company the user does not belong to is as unknown as a mistyped one.
      const membership = await transaction.membership.findUnique({
        where: { userId_companyId: { userId: options.actor.id, companyId: license.companyId } },
        select: { id: true },
      });
      if (!membership) throw unknownKey();
      const refusal = { licenseId: license.id, companyId: license.companyId };
      const assignment = await transaction.assignment.findFirst({
        where: { licenseId: license.id, userId: options.actor.id, revokedAt: null },
        select: { id: true },
      });
      if (!assignment) throw new DomainError("FORBIDDEN", "This license is not assigned to you", { reason: "NOT_ASSIGNED", ...refusal });
      if (!isLicenseValidAt(license, now))
        throw new DomainError("FORBIDDEN", "This license is not valid now", { reason: "LICENSE_NOT_VALID", ...refusal });

      // A fingerprint names one machine of one user; a renamed machine keeps its device row.
      const device = await transaction.device.upsert({
        where: { userId_fingerprint: { userId: options.actor.id, fingerprint } },
        create: { userId: options.actor.id, fingerprint, hostname, createdAt: now, lastSeenAt: now },
        update: { hostname, lastSeenAt: now },
      });
      const activated = toActivatedLicense(license);
      const existing = await transaction.activation.findFirst({
        where: { licenseId: license.id, deviceId: device.id, deactivatedAt: null },
      });
      if (existing) {
        // The same machine activating again (reinstall, or renewing its license file) gets the same activation.
        const activation = await transaction.activation.update({ where: { id: existing.id }, data: { lastSeenAt: now } });
        return { activation, device, license: activated, isNew: false };
      }
      if (license.type === "NODE_LOCKED") {
        // R3/R4: the key is locked to one machine; the user removes it there first.
        const elsewhere = await transaction.activation.findFirst({
          where: { licenseId: license.id, deactivatedAt: null },
          select: { activatedAt: true, device: { select: { hostname: true } } },
        });
        if (elsewhere) throw activeElsewhere({ hostname: elsewhere.device.hostname, activatedAt: elsewhere.activatedAt }, refusal);
      }
      const activation = await transaction.activation.create({
        data: {
          licenseId: license.id,
          licenseType: license.type,
          deviceId: device.id,
          userId: options.actor.id,
          activatedAt: now,
          lastSeenAt: now,
        },
      });
      await recordAuditEvent({
        db: transaction,
        event: {
          action: "activation.created",
          companyId: license.companyId,
          actorId: options.actor.id,
          subjectUserId: options.actor.id,
          licenseId: license.id,
          data: { activationId: activation.id, deviceId: device.id, hostname },
          at: now,
        },
      });
      return { activation, device, license: activated, isNew: true };
    });
  } catch (error) {
    // R3: the partial unique index is the last line of defence, should a writer skip the license lock.
    const refused = isUniqueViolation(error, "activation_node_locked_unique") ? await activeElsewhereByKey(key, options.db) : error;
    const audited = auditedRefusal(refused);
    if (audited) await recordRefusal({ refusal: audited, actor: options.actor, fingerprint, hostname, now, db: options.db });
    throw refused;
  }
}

function toActivatedLicense(row: LicenseRow): ActivatedLicense {
  return {
    id: row.id,
    type: row.type,
    edition: row.edition,
    validUntil: row.validUntil,
    companyId: row.companyId,
    product: { code: row.productCode, name: row.productName },
  };
}

function unknownKey(): DomainError {
  return new DomainError("NOT_FOUND", "Activation key not found", { reason: "INVALID_ACTIVATION_KEY" });
}

function activeElsewhere(
  device: { hostname: string; activatedAt: Date } | null,
  refusal: { licenseId: string; companyId: string },
): DomainError {
  const where = device ? `on ${device.hostname}` : "on another device";
  return new DomainError("CONFLICT", `This license is already active ${where}; remove it there first`, {
    reason: "ACTIVATION_LIMIT",
    hostname: device?.hostname ?? null,
    activatedAt: device?.activatedAt ?? null,
    ...refusal,
  });
}

/** After a lost race the transaction is gone: name the machine that won it from a fresh read. */
async function activeElsewhereByKey(key: string, db?: DbClient): Promise<DomainError> {
  const license = await (db ?? processDb()).license.findUniqueOrThrow({
    where: { activationKey: key },
    select: {
      id: true,
      group: { select: { companyId: true } },
      activations: { where: { deactivatedAt: null }, take: 1, select: { activatedAt: true, device: { select: { hostname: true } } } },
    },
  });
  const winner = license.activations[0];
  return activeElsewhere(winner ? { hostname: winner.device.hostname, activatedAt: winner.activatedAt } : null, {
    licenseId: license.id,
    companyId: license.group.companyId,
  });
}

/** A refusal the audit log keeps: which license, and for a lost activation the machine that holds it. */
type AuditedRefusal = { reason: string; licenseId: string; companyId: string; activeOn?: string };

function auditedRefusal(error: unknown): AuditedRefusal | null {
  if (!isDomainError(error)) return null;
  const { code, details } = error.failure;
  if (code === "CONFLICT" && details.reason === "ACTIVATION_LIMIT") {
    return {
      reason: details.reason,
      licenseId: details.licenseId,
      companyId: details.companyId,
      ...(details.hostname ? { activeOn: details.hostname } : {}),
    };
  }
  const isAuditedForbidden = code === "FORBIDDEN" && (details.reason === "NOT_ASSIGNED" || details.reason === "LICENSE_NOT_VALID");
  if (isAuditedForbidden && details.licenseId && details.companyId)
    return { reason: details.reason, licenseId: details.licenseId, companyId: details.companyId };
  return null;
}

async function recordRefusal(options: {
  refusal: AuditedRefusal;
  actor: Actor;
  fingerprint: string;
  hostname: string;
  now: Date;
  db?: DbClient;
}): Promise<void> {
  const { reason, licenseId, companyId, activeOn } = options.refusal;
  await recordAuditEvent({
    db: options.db,
    event: {
      action: "activation.refused",
      companyId,
      actorId: options.actor.id,
      subjectUserId: options.actor.id,
      licenseId,
      data: { reason, hostname: options.hostname, fingerprint: options.fingerprint, ...(activeOn ? { activeOn } : {}) },
      at: options.now,
    },
  });
}
