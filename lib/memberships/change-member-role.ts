// A company's admins give and take the admin role, never the last: admins, and the actor's own role, are
// read under the company row lock, so two admins demoting each other at once leave one.
import "server-only";
import type { MembershipRole } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export async function changeMemberRole(options: {
  actor: Actor;
  companyId: string;
  userId: string;
  role: MembershipRole;
  clock?: Clock;
  db?: DbClient;
}): Promise<{ role: MembershipRole; isChanged: boolean }> {
  if (!isRecordId(options.companyId)) throw notFound("Company");
  if (!isRecordId(options.userId)) throw notFound("User");
  if (options.role !== "ADMIN" && options.role !== "USER")
    throw new DomainError("INVALID", "Unknown role", { fields: { role: "invalid" } });
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (transaction) => {
    const [company] = await transaction.$queryRaw<
      { id: string }[]
    >`SELECT "id"::text AS "id" FROM "Company" WHERE "id" = ${options.companyId}::uuid FOR NO KEY UPDATE`;
    if (!company) throw notFound("Company");
    await requireCompanyAdmin({ actor: options.actor, companyId: company.id, db: transaction, resource: "Company" });
    const membership = await transaction.membership.findUnique({
      where: { userId_companyId: { userId: options.userId, companyId: company.id } },
      select: { id: true, role: true },
    });
    // R28: someone outside the company is as unknown as a missing user.
    if (!membership) throw notFound("User");
    if (membership.role === options.role) return { role: membership.role, isChanged: false };
    if (membership.role === "ADMIN") {
      const admins = await transaction.membership.count({ where: { companyId: company.id, role: "ADMIN" } });
      if (admins <= 1) throw new DomainError("CONFLICT", "A company keeps at least one administrator", { reason: "LAST_ADMIN" });
    }
    await transaction.membership.update({ where: { id: membership.id }, data: { role: options.role } });
    await recordAuditEvent({
      db: transaction,
      event: {
        action: options.role === "ADMIN" ? "member.made-admin" : "member.admin-removed",
        companyId: company.id,
        actorId: options.actor.id,
        subjectUserId: options.userId,
        data: { previousRole: membership.role, via: "portal" },
        at: now,
      },
    });
    return { role: options.role, isChanged: true };
  });
}
