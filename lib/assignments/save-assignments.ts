// R16/R18 "tick the boxes, Save, Yes": one change set of a license group's grid, applied in ONE
// transaction, with R25 (seats), R26 (concurrent admins) and R28 (tenancy) enforced inside it.
import "server-only";
import type { LicenseType } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { pairKey, type AssignmentChange } from "@/lib/assignments/assignment-change";
import { enqueueAssignmentEmails, type MailedLicense } from "@/lib/assignments/assignment-emails";
import { MAX_CHANGES_PER_SAVE, TOO_MANY_CHANGES } from "@/lib/assignments/change-set-limits";
import type { AuditEventInput } from "@/lib/audit/record-audit-event";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { licenseColumnsOfGroup } from "@/lib/assignments/grid-columns";
import { assignmentsTakeSeats } from "@/lib/licenses/seat-counts";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export type SavedAssignments = { version: number; granted: number; revoked: number; unchanged: number };

type LockedLicense = MailedLicense & { type: LicenseType; seats: number; validUntil: Date };

export async function saveAssignments(options: {
  actor: Actor;
  groupId: string;
  /** LicenseGroup.version the admin's grid was built from (R26). */
  expectedVersion: number;
  changes: AssignmentChange[];
  clock?: Clock;
  db?: DbClient;
}): Promise<SavedAssignments> {
  const { actor, groupId, changes } = options;
  validateChangeSet(options);
  const now = (options.clock ?? systemClock).now();
  const licenseIds = [...new Set(changes.map((change) => change.licenseId))];
  const userIds = [...new Set(changes.map((change) => change.userId))];

  return runInTransaction(options.db, async (transaction) => {
    // R26: the group lock serialises saves on every instance; the version read under it says whether the grid is current.
    const [group] = await transaction.$queryRaw<{ companyId: string; version: number }[]>`
      SELECT "companyId", "version" FROM "LicenseGroup" WHERE "id" = ${groupId}::uuid FOR NO KEY UPDATE`;
    if (!group) throw notFound("License group");
    // R28: the company comes from the group, never from the client.
    await requireCompanyAdmin({ actor, companyId: group.companyId, db: transaction, resource: "License group" });
    if (group.version !== options.expectedVersion) {
      throw new DomainError("CONFLICT", "Someone else changed this license group; reload to see their changes", {
        reason: "STALE_VERSION",
        currentVersion: group.version,
      });
    }

    // R25: lock every license of the group of a product named (a superset of the columns) in id order,
    // so writers cannot deadlock; another group's license is unknown (R28). NO KEY UPDATE like every
    // seat lock, so a concurrent release can still insert its audit event (docs/ARCHITECTURE.md).
    const locked = await transaction.$queryRaw<LockedLicense[]>`
      SELECT l."id", l."type", l."seats", l."validUntil", l."activationKey", p."code" AS "productCode", p."name" AS "productName",
        p."kind" AS "productKind", p."downloadUrl"
      FROM "License" l JOIN "Product" p ON p."id" = l."productId"
      WHERE l."groupId" = ${groupId}::uuid
        AND l."productId" IN (SELECT r."productId" FROM "License" r WHERE r."id" = ANY(${licenseIds}::uuid[]) AND r."groupId" = ${groupId}::uuid)
      ORDER BY l."id" FOR NO KEY UPDATE OF l`;
    // A change names a column (decision 020), read under the lock so no renewal moves a license meanwhile.
    const lockedById = new Map(locked.map((license) => [license.id, license]));
    const columnRows = await transaction.$queryRaw<{ id: string; columnId: string }[]>`
      WITH "columns" AS (${licenseColumnsOfGroup(groupId)})
      SELECT c."id"::text AS "id", c."columnId"::text AS "columnId" FROM "columns" c JOIN "License" l ON l."id" = c."id"
      WHERE c."id" = ANY(${[...lockedById.keys()]}::uuid[]) ORDER BY l."createdAt", l."id"`;
    const columnOf = new Map(columnRows.map((row) => [row.id, row.columnId]));
    if (licenseIds.some((id) => !columnOf.has(id))) throw notFound("License");
    const requestedColumns = new Set(licenseIds.map((id) => columnOf.get(id)!));
    const licensesOfColumn = new Map<string, LockedLicense[]>();
    for (const row of columnRows) {
      if (!requestedColumns.has(row.columnId)) continue;
      licensesOfColumn.set(row.columnId, [...(licensesOfColumn.get(row.columnId) ?? []), lockedById.get(row.id)!]);
    }
    const cells = toCells(changes, columnOf);
    // Only the company's users can receive its licenses (R15).
    const [{ members }] = await transaction.$queryRaw<[{ members: number }]>`
      SELECT count(*)::int AS "members" FROM "Membership" WHERE "companyId" = ${group.companyId}::uuid AND "userId" = ANY(${userIds}::uuid[])`;
    if (members !== userIds.length) throw notFound("User");

    const columnLicenseIds = [...licensesOfColumn.values()].flat().map((license) => license.id);
    const active = await transaction.$queryRaw<{ id: string; licenseId: string; userId: string }[]>`
      SELECT "id"::text AS "id", "licenseId"::text AS "licenseId", "userId"::text AS "userId" FROM "Assignment"
      WHERE "licenseId" = ANY(${columnLicenseIds}::uuid[]) AND "userId" = ANY(${userIds}::uuid[]) AND "revokedAt" IS NULL`;
    const activeByCell = new Map<string, { id: string; licenseId: string; userId: string }[]>();
    for (const assignment of active) {
      const key = pairKey({ licenseId: columnOf.get(assignment.licenseId)!, userId: assignment.userId });
      activeByCell.set(key, [...(activeByCell.get(key) ?? []), assignment]);
    }
    // A revocation ends the user's every license of the column; granting a column held changes nothing.
    const revokedAssignments = cells.filter((cell) => !cell.assigned).flatMap((cell) => activeByCell.get(pairKey(cell)) ?? []);
    const toRevoke: AssignmentChange[] = revokedAssignments.map((assignment) => ({
      licenseId: assignment.licenseId,
      userId: assignment.userId,
      assigned: false,
    }));
    const grantedCells = cells.filter((cell) => cell.assigned && !activeByCell.has(pairKey(cell)));
    const revokedCells = cells.filter((cell) => !cell.assigned && activeByCell.has(pairKey(cell))).length;
    const auditEvents: AuditEventInput[] = [];
    const audit = (event: Omit<AuditEventInput, "companyId" | "actorId" | "at">) =>
      auditEvents.push({ ...event, companyId: group.companyId, actorId: actor.id, at: now });

    if (toRevoke.length > 0) {
      // R18: history is kept; revoking frees the seat at once.
      await transaction.$executeRaw`
        UPDATE "Assignment" SET "revokedAt" = ${now}, "revokedById" = ${actor.id}::uuid WHERE "id" = ANY(${revokedAssignments.map((assignment) => assignment.id)}::uuid[])`;
      for (const change of toRevoke)
        audit({ action: "assignment.revoked", licenseId: change.licenseId, subjectUserId: change.userId, data: { groupId } });
      await endAccessOfRevoked({ transaction, revoked: toRevoke, actor, now, audit });
    }

    if (grantedCells.length > 0) {
      const toGrant = await allocateSeats({ transaction, licensesOfColumn, grants: grantedCells, now });
      await transaction.$executeRaw`
        INSERT INTO "Assignment" ("licenseId", "userId", "assignedById", "assignedAt")
        SELECT g."licenseId", g."userId", ${actor.id}::uuid, ${now}
        FROM unnest(${toGrant.map((change) => change.licenseId)}::uuid[], ${toGrant.map((change) => change.userId)}::uuid[]) AS g("licenseId", "userId")`;
      for (const change of toGrant)
        audit({ action: "assignment.granted", licenseId: change.licenseId, subjectUserId: change.userId, data: { groupId } });
      // R17, R21, R27: the license and invitation mails commit with the assignments or not at all (outbox).
      await enqueueAssignmentEmails({
        transaction,
        actor,
        companyId: group.companyId,
        granted: toGrant,
        licenses: locked,
        clock: options.clock,
      });
    }

    const { version } = await transaction.licenseGroup.update({
      where: { id: groupId },
      data: { version: { increment: 1 } },
      select: { version: true },
    });
    await recordAuditEvents({ db: transaction, events: auditEvents });
    return { version, granted: grantedCells.length, revoked: revokedCells, unchanged: changes.length - grantedCells.length - revokedCells };
  });
}

function validateChangeSet(options: { groupId: string; expectedVersion: number; changes: AssignmentChange[] }): void {
  if (!isRecordId(options.groupId)) throw notFound("License group");
  if (!Number.isInteger(options.expectedVersion) || options.expectedVersion < 0)
    throw new DomainError("INVALID", "expectedVersion must be a version number");
  if (options.changes.length === 0) throw new DomainError("INVALID", "There are no changes to save");
  if (options.changes.length > MAX_CHANGES_PER_SAVE) {
    throw new DomainError("INVALID", `At most ${MAX_CHANGES_PER_SAVE} changes per save`, { fields: { changes: TOO_MANY_CHANGES } });
  }
  const seen = new Set<string>();
  for (const change of options.changes) {
    if (!isRecordId(change.licenseId)) throw notFound("License");
    if (!isRecordId(change.userId)) throw notFound("User");
    if (seen.has(pairKey(change))) throw new DomainError("INVALID", "A license and user appear twice in one change set");
    seen.add(pairKey(change));
  }
}

/** The changes as cells (column, user): two licenses of one column for one user are one cell named twice. */
function toCells(changes: AssignmentChange[], columnOf: Map<string, string>): AssignmentChange[] {
  const seen = new Set<string>();
  return changes.map((change) => {
    const cell = { licenseId: columnOf.get(change.licenseId)!, userId: change.userId, assigned: change.assigned };
    if (seen.has(pairKey(cell))) throw new DomainError("INVALID", "A license and user appear twice in one change set");
    seen.add(pairKey(cell));
    return cell;
  });
}

/** R25: a license with a free seat per granted cell (decision 020), counted under the row locks; floating seats count leases. */
async function allocateSeats(options: {
  transaction: DbClient;
  licensesOfColumn: Map<string, LockedLicense[]>;
  grants: AssignmentChange[];
  now: Date;
}): Promise<AssignmentChange[]> {
  const counted = [...options.licensesOfColumn.values()].flat().filter((license) => assignmentsTakeSeats[license.type]);
  const assignedCounts =
    counted.length === 0
      ? []
      : await options.transaction.assignment.groupBy({
          by: ["licenseId"],
          where: { licenseId: { in: counted.map((license) => license.id) }, revokedAt: null },
          _count: { _all: true },
        });
  const free = new Map(
    counted.map((license) => [license.id, license.seats - (assignedCounts.find((row) => row.licenseId === license.id)?._count._all ?? 0)]),
  );
  const allocated: AssignmentChange[] = [];
  for (const [columnId, licenses] of options.licensesOfColumn) {
    const grants = options.grants.filter((grant) => grant.licenseId === columnId);
    if (grants.length === 0) continue;
    if (!assignmentsTakeSeats[licenses[0]!.type]) {
      for (const grant of grants) allocated.push({ ...grant, licenseId: licenses[0]!.id });
      continue;
    }
    const byPreference = licenses.toSorted(
      (left, right) => Number(left.validUntil <= options.now) - Number(right.validUntil <= options.now),
    );
    const seats = licenses.reduce((sum, license) => sum + license.seats, 0);
    const assigned = seats - licenses.reduce((sum, license) => sum + free.get(license.id)!, 0);
    if (assigned + grants.length > seats) {
      const first = licenses[0]!;
      throw new DomainError(
        "SEATS_EXHAUSTED",
        `${first.productName} has ${seats} seats; ${assigned} are assigned and ${grants.length} more were requested`,
        {
          reason: "NOT_ENOUGH_SEATS",
          licenseId: columnId,
          productName: first.productName,
          seats,
          assigned,
          requested: grants.length,
        },
      );
    }
    for (const grant of grants) {
      const license = byPreference.find((candidate) => free.get(candidate.id)! > 0)!;
      free.set(license.id, free.get(license.id)! - 1);
      allocated.push({ ...grant, licenseId: license.id });
    }
  }
  return allocated;
}

/** R18: ends the revoked users' activations and floating seats of the license (also the back office's seat reduction). */
export async function endAccessOfRevoked(options: {
  transaction: DbClient;
  revoked: AssignmentChange[];
  actor: Actor;
  now: Date;
  audit: (event: Omit<AuditEventInput, "companyId" | "actorId" | "at">) => void;
}): Promise<void> {
  const { transaction, now, actor } = options;
  const licenseIds = options.revoked.map((change) => change.licenseId);
  const userIds = options.revoked.map((change) => change.userId);
  const deactivated = await transaction.$queryRaw<{ id: string; licenseId: string; userId: string; deviceId: string }[]>`
    UPDATE "Activation" a SET "deactivatedAt" = ${now}, "deactivatedById" = ${actor.id}::uuid, "deactivationReason" = 'license revoked'
    FROM unnest(${licenseIds}::uuid[], ${userIds}::uuid[]) AS r("licenseId", "userId")
    WHERE a."licenseId" = r."licenseId" AND a."userId" = r."userId" AND a."deactivatedAt" IS NULL
    RETURNING a."id"::text AS "id", a."licenseId"::text AS "licenseId", a."userId"::text AS "userId", a."deviceId"::text AS "deviceId"`;
  for (const activation of deactivated) {
    options.audit({
      action: "activation.deactivated",
      licenseId: activation.licenseId,
      subjectUserId: activation.userId,
      data: { activationId: activation.id, deviceId: activation.deviceId, reason: "license revoked" },
    });
  }
  const released = await transaction.$queryRaw<{ id: string; licenseId: string; userId: string }[]>`
    UPDATE "FloatingLease" f SET "releasedAt" = ${now}, "releaseReason" = 'license revoked'
    FROM unnest(${licenseIds}::uuid[], ${userIds}::uuid[]) AS r("licenseId", "userId")
    WHERE f."licenseId" = r."licenseId" AND f."userId" = r."userId" AND f."releasedAt" IS NULL
    RETURNING f."id"::text AS "id", f."licenseId"::text AS "licenseId", f."userId"::text AS "userId"`;
  for (const lease of released) {
    options.audit({
      action: "lease.released",
      licenseId: lease.licenseId,
      subjectUserId: lease.userId,
      data: { leaseId: lease.id, reason: "license revoked" },
    });
  }
}
