// "Add user" in a company not yet verified (decision 016): the address gets an invitation to join, answered
// and audited alike whether or not it has an account; the names the admin typed are not used.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { Email } from "@/lib/accounts/fields";
import { senderNames } from "@/lib/assignments/assignment-emails";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashToken, INVITATION_TOKEN_TTL_MS, newToken } from "@/lib/auth/one-time-tokens";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { absoluteUrl } from "@/lib/email/absolute-url";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { DomainError, notFound } from "@/lib/errors";
import { defaultLocale } from "@/lib/i18n/locales";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export type InvitedMember = { status: "INVITED"; email: string };

const DAY_MS = 24 * 60 * 60 * 1000;

export async function inviteCompanyMember(options: {
  actor: Actor;
  companyId: string;
  email: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<InvitedMember> {
  const email = Email.safeParse(options.email);
  if (!email.success)
    throw new DomainError("INVALID", "Invalid email address", { fields: { email: email.error.issues[0]?.message ?? "invalid" } });
  if (!isRecordId(options.companyId)) throw notFound("Company");
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (transaction) => {
    await requireCompanyAdmin({ actor: options.actor, companyId: options.companyId, db: transaction, resource: "Company" });
    // The company's own people are in its grid already: saying so reveals nothing new.
    const member = await transaction.membership.findFirst({
      where: { companyId: options.companyId, user: { email: email.data } },
      select: { id: true },
    });
    if (member) throw new DomainError("CONFLICT", `${email.data} is already a user of this company`, { reason: "ALREADY_MEMBER" });

    // Only the newest invitation of an address works, as for every emailed link.
    await transaction.membershipInvitation.deleteMany({ where: { companyId: options.companyId, email: email.data, acceptedAt: null } });
    const token = newToken();
    const invitation = await transaction.membershipInvitation.create({
      data: {
        companyId: options.companyId,
        email: email.data,
        tokenHash: hashToken(token),
        invitedById: options.actor.id,
        expiresAt: new Date(now.getTime() + INVITATION_TOKEN_TTL_MS),
        createdAt: now,
      },
      select: { id: true },
    });
    // In the recipient's language when the address has an account; nothing of that reaches the admin.
    const recipient = await transaction.user.findUnique({ where: { email: email.data }, select: { language: true } });
    const sender = await senderNames(transaction, options.actor, options.companyId);
    await enqueueEmail({
      db: transaction,
      template: "membership-invitation",
      to: email.data,
      locale: recipient?.language ?? defaultLocale,
      payload: { ...sender, acceptUrl: absoluteUrl(`/join?token=${token}`), expiresInDays: INVITATION_TOKEN_TTL_MS / DAY_MS },
      companyId: options.companyId,
      clock: options.clock,
    });
    // No subject user: the audit trail is the admin's to read, and must not name an account.
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "member.invited",
        companyId: options.companyId,
        actorId: options.actor.id,
        data: { email: email.data, invitationId: invitation.id },
        at: now,
      },
    });
    return { status: "INVITED", email: email.data };
  });
}
