// R4: a desktop license is removed from a machine, by its user or a company admin, with a reason; the device's
// floating seat is released with it.
import "server-only";
import type { Activation } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";
import { FORBIDDEN_CHARACTERS, isSafeMultiLineText } from "@/lib/validation/safe-text";

const MAX_REASON_LENGTH = 500;

export async function deactivateActivation(options: {
  actor: Actor;
  activationId: string;
  reason: string;
  /** The API: a user removes only their own activations; anyone else's is not found (R28). */
  isOwnOnly?: boolean;
  clock?: Clock;
  db?: DbClient;
}): Promise<{ activation: Activation; wasActive: boolean }> {
  if (!isRecordId(options.activationId)) throw notFound("Activation");
  const reason = options.reason.trim();
  if (!reason || reason.length > MAX_REASON_LENGTH)
    throw new DomainError("INVALID", "A reason is required", { fields: { reason: "required" } });
  if (!isSafeMultiLineText(reason))
    throw new DomainError("INVALID", "The reason holds control characters", { fields: { reason: FORBIDDEN_CHARACTERS } });
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (transaction) => {
    const found = await transaction.activation.findUnique({
      where: { id: options.activationId },
      include: { license: { select: { group: { select: { companyId: true } } } } },
    });
    if (!found) throw notFound("Activation");
    const { license, ...activation } = found;
    const companyId = license.group.companyId;
    // The user deactivates their own machine; anyone else must administer the license's company (R28).
    if (activation.userId !== options.actor.id) {
      if (options.isOwnOnly) throw notFound("Activation");
      await requireCompanyAdmin({ actor: options.actor, companyId, db: transaction, resource: "Activation" });
    }
    // Conditional update: of two concurrent deactivations exactly one changes the row.
    const { count } = await transaction.activation.updateMany({
      where: { id: activation.id, deactivatedAt: null },
      data: { deactivatedAt: now, deactivatedById: options.actor.id, deactivationReason: reason },
    });
    if (count === 0) return { activation, wasActive: false };

    const released = await transaction.floatingLease.updateManyAndReturn({
      where: { licenseId: activation.licenseId, deviceId: activation.deviceId, releasedAt: null },
      data: { releasedAt: now, releaseReason: "device deactivated" },
      select: { id: true, userId: true },
    });
    const common = { companyId, actorId: options.actor.id, licenseId: activation.licenseId, at: now };
    await recordAuditEvents({
      db: transaction,
      events: [
        {
          ...common,
          action: "activation.deactivated",
          subjectUserId: activation.userId,
          data: { activationId: activation.id, deviceId: activation.deviceId, reason },
        },
        ...released.map((lease) => ({
          ...common,
          action: "lease.released" as const,
          subjectUserId: lease.userId,
          data: { leaseId: lease.id, reason: "device deactivated" },
        })),
      ],
    });
    const updated = await transaction.activation.findUniqueOrThrow({ where: { id: activation.id } });
    return { activation: updated, wasActive: true };
  });
}
