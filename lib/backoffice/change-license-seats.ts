// R31 + R25: staff change a license's seat count; below the usage only with the people to unassign, counted
// under the grid save's locks (lock-license-for-edit.ts).
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { assignmentsTakeSeats } from "@/lib/licenses/seat-counts";
import { endAccessOfRevoked } from "@/lib/assignments/save-assignments";
import { recordAuditEvents, type AuditEventInput } from "@/lib/audit/record-audit-event";
import { bumpGroupVersion, lockLicenseForEdit } from "@/lib/backoffice/lock-license-for-edit";
import { hasFixedSeatCount, MAX_LICENSE_SEATS } from "@/lib/backoffice/seat-rules";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export type ChangedSeats = { seatsBefore: number; seats: number; unassigned: number; licenseVersion: number; groupVersion: number };

export async function changeLicenseSeats(options: {
  actor: Actor;
  licenseId: string;
  seats: number;
  /** People whose assignment of this license ends with the change (needed below the usage). */
  unassignUserIds?: string[];
  /** License.version the form showed; a different one is CONFLICT. */
  expectedVersion?: number;
  clock?: Clock;
  db?: DbClient;
}): Promise<ChangedSeats> {
  const unassign = [...new Set(options.unassignUserIds ?? [])];
  if (!isRecordId(options.licenseId)) throw notFound("License");
  if (!Number.isInteger(options.seats) || options.seats < 1 || options.seats > MAX_LICENSE_SEATS) {
    throw new DomainError("INVALID", `Seats must be a whole number from 1 to ${MAX_LICENSE_SEATS}`, { fields: { seats: "invalid" } });
  }
  if (unassign.some((userId) => !isRecordId(userId)) || unassign.length > MAX_LICENSE_SEATS) throw notFound("Assignment");
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor: options.actor, db: transaction });
    const license = await lockLicenseForEdit(transaction, { licenseId: options.licenseId, expectedVersion: options.expectedVersion });
    // R3: one machine, one seat; more people need more licenses.
    if (hasFixedSeatCount(license.type) && options.seats !== 1) {
      throw new DomainError("INVALID", "A node-locked license has exactly one seat", {
        reason: "NODE_LOCKED_SINGLE_SEAT",
        fields: { seats: "invalid" },
      });
    }
    if (options.seats === license.seats && unassign.length === 0)
      throw new DomainError("INVALID", "The license already has this many seats", { reason: "NO_CHANGE", fields: { seats: "unchanged" } });

    const assigned = await transaction.assignment.findMany({
      where: { licenseId: license.id, revokedAt: null },
      select: { id: true, userId: true },
    });
    const assignedUserIds = new Set(assigned.map((assignment) => assignment.userId));
    if (unassign.some((userId) => !assignedUserIds.has(userId)))
      throw new DomainError("INVALID", "Only people who hold this license can be unassigned", {
        reason: "NOT_ASSIGNED",
        fields: { unassign: "invalid" },
      });

    const countsAssignments = assignmentsTakeSeats[license.type];
    const inUse = countsAssignments ? assigned.length : await countLiveLeases(transaction, license.id, now, []);
    const inUseAfter = countsAssignments
      ? assigned.length - unassign.length
      : await countLiveLeases(transaction, license.id, now, unassign);
    if (inUseAfter > options.seats) {
      throw new DomainError(
        "SEATS_EXHAUSTED",
        `${inUse} seats are in use; unassign ${inUseAfter - options.seats} more to go down to ${options.seats}`,
        {
          reason: "SEATS_IN_USE",
          licenseId: license.id,
          seats: options.seats,
          inUse,
          inUseAfter,
          toUnassign: inUseAfter - options.seats,
        },
      );
    }

    const events: AuditEventInput[] = [];
    const audit = (event: Omit<AuditEventInput, "companyId" | "actorId" | "at">) =>
      events.push({ ...event, companyId: license.companyId, actorId: options.actor.id, at: now });
    if (unassign.length > 0) {
      const revokedIds = assigned.filter((assignment) => unassign.includes(assignment.userId)).map((assignment) => assignment.id);
      await transaction.$executeRaw`
        UPDATE "Assignment" SET "revokedAt" = ${now}, "revokedById" = ${options.actor.id}::uuid WHERE "id" = ANY(${revokedIds}::uuid[])`;
      const revoked = unassign.map((userId) => ({ licenseId: license.id, userId, assigned: false }));
      for (const change of revoked)
        audit({
          action: "assignment.revoked",
          licenseId: license.id,
          subjectUserId: change.userId,
          data: { groupId: license.groupId, reason: "seats reduced" },
        });
      // R18: their activations end and their floating seats are released, as with a grid revocation.
      await endAccessOfRevoked({ transaction, revoked, actor: options.actor, now, audit });
    }
    const updated = await transaction.license.update({
      where: { id: license.id },
      data: { seats: options.seats, version: { increment: 1 } },
      select: { version: true },
    });
    audit({
      action: "license.seats-changed",
      licenseId: license.id,
      data: { seatsBefore: license.seats, seats: options.seats, unassigned: unassign.length, inUse: inUseAfter },
    });
    const groupVersion = await bumpGroupVersion(transaction, license.groupId);
    await recordAuditEvents({ db: transaction, events });
    return { seatsBefore: license.seats, seats: options.seats, unassigned: unassign.length, licenseVersion: updated.version, groupVersion };
  });
}

/** Live floating leases (R2, R5), leaving out the holders about to be unassigned (their leases are released). */
async function countLiveLeases(transaction: DbClient, licenseId: string, now: Date, exceptUserIds: string[]): Promise<number> {
  return transaction.floatingLease.count({
    where: { licenseId, releasedAt: null, expiresAt: { gt: now }, userId: { notIn: exceptUserIds } },
  });
}
