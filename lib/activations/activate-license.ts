// R3/R4/R5/R22: the desktop application, signed in as a user, enters its activation key on a
// machine. Node-locked: one machine per license. Floating: every machine that will use the
// software is activated once; seats are then taken per use as leases (lib/leases).
import "server-only";
import type { Activation, Device } from "@prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { normalizeActivationKey } from "@/lib/licenses/activation-key";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isUniqueViolation } from "@/lib/transactions/unique-violation";
import type { Actor } from "@/lib/accounts/actor";

export type LicenseActivation = { activation: Activation; device: Device; isNew: boolean };

const MAX_FINGERPRINT_LENGTH = 200;
const MAX_HOSTNAME_LENGTH = 255;

export async function activateLicense(options: {
  /** The signed-in user of the desktop application. */
  actor: Actor;
  activationKey: string;
  fingerprint: string;
  hostname: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<LicenseActivation> {
  const key = normalizeActivationKey(options.activationKey);
  if (!key) throw notFound("Activation key");
  const fingerprint = options.fingerprint.trim();
  const hostname = options.hostname.trim();
  if (!fingerprint || fingerprint.length > MAX_FINGERPRINT_LENGTH) throw new DomainError("INVALID", "Invalid device fingerprint", { fields: { fingerprint: "invalid" } });
  if (!hostname || hostname.length > MAX_HOSTNAME_LENGTH) throw new DomainError("INVALID", "Invalid hostname", { fields: { hostname: "invalid" } });
  const now = (options.clock ?? systemClock).now();

  try {
    return await runInTransaction(options.db, async (transaction) => {
      // R25: one activation decision per license at a time, on every app instance.
      const [license] = await transaction.$queryRaw<{ id: string; type: "NODE_LOCKED" | "FLOATING" | "NAMED_USER"; validFrom: Date; validUntil: Date; companyId: string }[]>`
        SELECT l."id", l."type", l."validFrom", l."validUntil", g."companyId"
        FROM "License" l JOIN "LicenseGroup" g ON g."id" = l."groupId"
        WHERE l."activationKey" = ${key} FOR UPDATE OF l`;
      if (!license) throw notFound("Activation key");
      const assignment = await transaction.assignment.findFirst({ where: { licenseId: license.id, userId: options.actor.id, revokedAt: null }, select: { id: true } });
      if (!assignment) throw new DomainError("FORBIDDEN", "This license is not assigned to you", { reason: "NOT_ASSIGNED" });
      if (now < license.validFrom || now >= license.validUntil) throw new DomainError("FORBIDDEN", "This license is not valid now", { reason: "LICENSE_NOT_VALID" });

      // A fingerprint names one machine of one user; a renamed machine keeps its device row.
      const device = await transaction.device.upsert({
        where: { userId_fingerprint: { userId: options.actor.id, fingerprint } },
        create: { userId: options.actor.id, fingerprint, hostname, createdAt: now, lastSeenAt: now },
        update: { hostname, lastSeenAt: now },
      });
      const existing = await transaction.activation.findFirst({ where: { licenseId: license.id, deviceId: device.id, deactivatedAt: null } });
      if (existing) {
        // The same machine activating again (reinstall) gets the same activation.
        const activation = await transaction.activation.update({ where: { id: existing.id }, data: { lastSeenAt: now } });
        return { activation, device, isNew: false };
      }
      if (license.type === "NODE_LOCKED") {
        // R3/R4: the key is locked to one machine; the user removes it there first.
        const elsewhere = await transaction.activation.findFirst({
          where: { licenseId: license.id, deactivatedAt: null },
          select: { device: { select: { id: true, hostname: true } } },
        });
        if (elsewhere) throw activeElsewhere(elsewhere.device);
      }
      const activation = await transaction.activation.create({
        data: { licenseId: license.id, licenseType: license.type, deviceId: device.id, userId: options.actor.id, activatedAt: now, lastSeenAt: now },
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
      return { activation, device, isNew: true };
    });
  } catch (error) {
    // R3: the partial unique index activation_node_locked_unique is the last line of defence,
    // should anything ever write an activation without taking the license lock first.
    if (isUniqueViolation(error, "activation_node_locked_unique")) throw activeElsewhere(null);
    throw error;
  }
}

function activeElsewhere(device: { id: string; hostname: string } | null): DomainError {
  const where = device ? `on ${device.hostname}` : "on another device";
  return new DomainError("CONFLICT", `This license is already active ${where}; remove it there first`, {
    reason: "ACTIVATION_LIMIT",
    deviceId: device?.id ?? null,
    hostname: device?.hostname ?? null,
  });
}
