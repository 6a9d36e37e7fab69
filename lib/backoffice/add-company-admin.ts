// R31: staff make an existing person, found by email, ADMIN of a company (joining or promoted).
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { Email } from "@/lib/accounts/fields";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export type AddedCompanyAdmin = { userId: string; email: string; outcome: "ADDED" | "PROMOTED" };

export async function addCompanyAdmin(options: {
  actor: Actor;
  companyId: string;
  email: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<AddedCompanyAdmin> {
  const email = Email.safeParse(options.email);
  if (!email.success)
    throw new DomainError("INVALID", "Invalid email address", { fields: { email: email.error.issues[0]?.message ?? "invalid" } });
  if (!isRecordId(options.companyId)) throw notFound("Company");
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor: options.actor, db: transaction });
    // So two staff members promoting the same person record it once.
    const [company] = await transaction.$queryRaw<
      { id: string }[]
    >`SELECT "id"::text AS "id" FROM "Company" WHERE "id" = ${options.companyId}::uuid FOR NO KEY UPDATE`;
    if (!company) throw notFound("Company");
    const person = await transaction.user.findUnique({
      where: { email: email.data },
      select: { id: true, email: true, memberships: { where: { companyId: company.id }, select: { id: true, role: true } } },
    });
    if (!person)
      throw new DomainError("INVALID", `Nobody is known by ${email.data}`, { reason: "UNKNOWN_PERSON", fields: { email: "unknown" } });
    const membership = person.memberships[0];
    if (!membership) {
      await addCompanyMember({
        actor: options.actor,
        companyId: company.id,
        email: person.email,
        role: "ADMIN",
        clock: options.clock,
        db: transaction,
      });
      return { userId: person.id, email: person.email, outcome: "ADDED" };
    }
    if (membership.role === "ADMIN")
      throw new DomainError("CONFLICT", `${person.email} is already an administrator of this company`, {
        reason: "ALREADY_ADMIN",
        fields: { email: "already-admin" },
      });
    await transaction.membership.update({ where: { id: membership.id }, data: { role: "ADMIN" } });
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "member.made-admin",
        companyId: company.id,
        actorId: options.actor.id,
        subjectUserId: person.id,
        data: { previousRole: membership.role, via: "backoffice" },
        at: now,
      },
    });
    return { userId: person.id, email: person.email, outcome: "PROMOTED" };
  });
}
