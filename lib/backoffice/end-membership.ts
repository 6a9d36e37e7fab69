// R31: staff end a person's membership (decision 016): assignments revoked, activations and seats released,
// open invitations withdrawn, the row deleted, in one transaction under the grid save's locks. The account stays.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import type { AssignmentChange } from "@/lib/assignments/assignment-change";
import { endAccessOfRevoked } from "@/lib/assignments/save-assignments";
import { recordAuditEvents, type AuditEventInput } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export type EndedMembership = { revoked: number };

export async function endMembership(options: {
  actor: Actor;
  companyId: string;
  userId: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<EndedMembership> {
  if (!isRecordId(options.companyId)) throw notFound("Company");
  if (!isRecordId(options.userId)) throw notFound("User");
  const now = (options.clock ?? systemClock).now();
  const { actor, companyId, userId } = options;

  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor, db: transaction });
    const [company] = await transaction.$queryRaw<
      { id: string }[]
    >`SELECT "id"::text AS "id" FROM "Company" WHERE "id" = ${companyId}::uuid FOR NO KEY UPDATE`;
    if (!company) throw notFound("Company");
    const membership = await transaction.membership.findUnique({
      where: { userId_companyId: { userId, companyId } },
      select: { id: true, role: true, createdAt: true, addedById: true },
    });
    if (!membership) throw notFound("User");
    await transaction.$queryRaw`SELECT 1 FROM "LicenseGroup" WHERE "companyId" = ${companyId}::uuid ORDER BY "id" FOR NO KEY UPDATE`;

    // Held in any way: an active assignment, an activation or an open floating seat.
    const held = await transaction.$queryRaw<{ licenseId: string; groupId: string }[]>`
      SELECT l."id"::text AS "licenseId", l."groupId"::text AS "groupId" FROM "License" l JOIN "LicenseGroup" g ON g."id" = l."groupId"
      WHERE g."companyId" = ${companyId}::uuid AND (
        EXISTS (SELECT 1 FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."userId" = ${userId}::uuid AND a."revokedAt" IS NULL)
        OR EXISTS (SELECT 1 FROM "Activation" x WHERE x."licenseId" = l."id" AND x."userId" = ${userId}::uuid AND x."deactivatedAt" IS NULL)
        OR EXISTS (SELECT 1 FROM "FloatingLease" f WHERE f."licenseId" = l."id" AND f."userId" = ${userId}::uuid AND f."releasedAt" IS NULL))
      ORDER BY l."id"`;
    const events: AuditEventInput[] = [];
    const audit = (event: Omit<AuditEventInput, "companyId" | "actorId" | "at">) =>
      events.push({ ...event, companyId, actorId: actor.id, at: now });
    let revoked = 0;
    if (held.length > 0) {
      const groupIds = [...new Set(held.map((row) => row.groupId))].sort();
      const licenseIds = held.map((row) => row.licenseId);
      // The groups are locked above; the raised versions make open grids reload (R26).
      await transaction.$queryRaw`SELECT 1 FROM "License" WHERE "id" = ANY(${licenseIds}::uuid[]) ORDER BY "id" FOR NO KEY UPDATE`;
      const revokedRows = await transaction.$queryRaw<{ licenseId: string; groupId: string }[]>`
        UPDATE "Assignment" a SET "revokedAt" = ${now}, "revokedById" = ${actor.id}::uuid
        FROM "License" l WHERE l."id" = a."licenseId" AND a."licenseId" = ANY(${licenseIds}::uuid[]) AND a."userId" = ${userId}::uuid AND a."revokedAt" IS NULL
        RETURNING a."licenseId"::text AS "licenseId", l."groupId"::text AS "groupId"`;
      revoked = revokedRows.length;
      for (const row of revokedRows)
        audit({
          action: "assignment.revoked",
          licenseId: row.licenseId,
          subjectUserId: userId,
          data: { groupId: row.groupId, reason: "membership ended" },
        });
      const pairs: AssignmentChange[] = licenseIds.map((licenseId) => ({ licenseId, userId, assigned: false }));
      await endAccessOfRevoked({ transaction, revoked: pairs, actor, now, audit });
      await transaction.licenseGroup.updateMany({ where: { id: { in: groupIds } }, data: { version: { increment: 1 } } });
    }

    await transaction.membership.delete({ where: { id: membership.id } });
    const { email } = await transaction.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await transaction.membershipInvitation.deleteMany({ where: { companyId, email, acceptedAt: null } });
    // R11: the company context moves on to another of the person's companies.
    await transaction.user.updateMany({ where: { id: userId, currentCompanyId: companyId }, data: { currentCompanyId: null } });
    audit({
      action: "member.ended",
      subjectUserId: userId,
      data: {
        role: membership.role,
        memberSince: membership.createdAt.toISOString(),
        addedById: membership.addedById,
        revokedAssignments: revoked,
      },
    });
    await recordAuditEvents({ db: transaction, events });
    return { revoked };
  });
}
