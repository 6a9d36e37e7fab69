// R31: staff give a license a new end date or end it now (which also frees its floating seats); access stops by
// itself once validUntil has passed. Same locks as a seat change; open grids reload (R26).
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { bumpGroupVersion, lockLicenseForEdit } from "@/lib/backoffice/lock-license-for-edit";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { releaseOpenLeases } from "@/lib/leases/release-open-leases";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export type ValidityChange = { kind: "set-end"; validUntil: Date } | { kind: "end-now" };

export type ChangedValidity = { previousValidUntil: Date; validUntil: Date; licenseVersion: number };

export async function changeLicenseValidity(options: {
  actor: Actor;
  licenseId: string;
  change: ValidityChange;
  expectedVersion?: number;
  clock?: Clock;
  db?: DbClient;
}): Promise<ChangedValidity> {
  if (!isRecordId(options.licenseId)) throw notFound("License");
  const { change } = options;
  if (change.kind === "set-end" && Number.isNaN(change.validUntil.getTime()))
    throw new DomainError("INVALID", "Invalid end date", { fields: { validUntil: "invalid" } });
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor: options.actor, db: transaction });
    const license = await lockLicenseForEdit(transaction, { licenseId: options.licenseId, expectedVersion: options.expectedVersion });
    let validUntil: Date;
    if (change.kind === "set-end") {
      // A date in the past would be "end now" by another name; that has its own button and event.
      if (change.validUntil <= now || change.validUntil <= license.validFrom) {
        throw new DomainError("INVALID", "The new end date must lie in the future and after the start", {
          reason: "END_IN_PAST",
          fields: { validUntil: "past" },
        });
      }
      validUntil = change.validUntil;
    } else {
      if (license.validUntil <= now) throw new DomainError("INVALID", "The license has already ended", { reason: "ALREADY_ENDED" });
      // CHECK license_validity_period: a license that has not started yet ends just after its start.
      validUntil = license.validFrom < now ? now : new Date(license.validFrom.getTime() + 1);
    }
    // The expiry reminder belonged to the old end date.
    const updated = await transaction.license.update({
      where: { id: license.id },
      data: { validUntil, expiryReminderSentAt: null, version: { increment: 1 } },
      select: { version: true },
    });
    await bumpGroupVersion(transaction, license.groupId);
    if (change.kind === "end-now")
      await releaseOpenLeases({ transaction, of: { licenseId: license.id }, reason: "license ended", actorId: options.actor.id, now });
    await recordAuditEvent({
      db: transaction,
      event: {
        action: change.kind === "end-now" ? "license.ended" : "license.validity-changed",
        companyId: license.companyId,
        actorId: options.actor.id,
        licenseId: license.id,
        data: { previousValidUntil: license.validUntil.toISOString(), validUntil: validUntil.toISOString() },
        at: now,
      },
    });
    return { previousValidUntil: license.validUntil, validUntil, licenseVersion: updated.version };
  });
}
