// R14/R15 "Add user" by email in a verified company (decision 016): a known identity joins at once, anyone else
// becomes a contact without an account who registers later (R17).
import "server-only";
import type { Membership, MembershipRole, User } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { ContactDetails, fieldErrors } from "@/lib/accounts/account-schemas";
import { Email } from "@/lib/accounts/fields";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canAccessBackoffice } from "@/lib/auth/permissions";
import { isVerifiedCompany } from "@/lib/companies/company-verification";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isUniqueViolation } from "@/lib/transactions/unique-violation";
import { isRecordId } from "@/lib/validation/record-id";

export type AddedMember = {
  membership: Membership;
  user: User;
  /** The person had no account and was created as a contact (R14). */
  isNewContact: boolean;
};

export async function addCompanyMember(options: {
  actor: Actor;
  companyId: string;
  email: string;
  role?: MembershipRole;
  /** Needed only for an unknown email, else INVALID CONTACT_DETAILS_REQUIRED. */
  contact?: Partial<ContactDetails>;
  clock?: Clock;
  db?: DbClient;
}): Promise<AddedMember> {
  const email = Email.safeParse(options.email);
  if (!email.success)
    throw new DomainError("INVALID", "Invalid email address", { fields: { email: email.error.issues[0]?.message ?? "invalid" } });
  if (!isRecordId(options.companyId)) throw notFound("Company");
  const now = (options.clock ?? systemClock).now();
  const role = options.role ?? "USER";

  return runInTransaction(options.db, async (transaction) => {
    await requireCompanyAdmin({
      actor: options.actor,
      companyId: options.companyId,
      db: transaction,
      resource: "Company",
      allowStaff: true,
    });
    const company = await transaction.company.findUnique({ where: { id: options.companyId }, select: { verifiedAt: true } });
    if (!company) throw notFound("Company");
    // Decision 016: adding at once would tell a self-made company's admin who has an account.
    if (
      !isVerifiedCompany(company) &&
      !canAccessBackoffice(await transaction.user.findUnique({ where: { id: options.actor.id }, select: { isStaff: true } }))
    ) {
      throw new DomainError("FORBIDDEN", "This company invites people instead", { reason: "COMPANY_NOT_VERIFIED" });
    }

    let user = await transaction.user.findUnique({ where: { email: email.data } });
    const isNewContact = user === null;
    if (!user) user = await createContact(transaction, email.data, options.contact);

    let membership: Membership;
    try {
      membership = await transaction.membership.create({
        data: {
          userId: user.id,
          companyId: options.companyId,
          role,
          // R17: without a password the person is only invited; the label "Invitation sent" reads this.
          invitedAt: user.passwordHash === null ? now : null,
          addedById: options.actor.id,
        },
      });
    } catch (error) {
      // The unique (userId, companyId) decides, also when two admins add the same person at once.
      if (isUniqueViolation(error)) {
        throw new DomainError("CONFLICT", `${email.data} is already a user of this company`, { reason: "ALREADY_MEMBER", userId: user.id });
      }
      throw error;
    }

    await recordAuditEvent({
      db: transaction,
      event: {
        action: "member.added",
        companyId: options.companyId,
        actorId: options.actor.id,
        subjectUserId: user.id,
        data: { role, isNewContact, isInvited: membership.invitedAt !== null },
        at: now,
      },
    });
    // The invitation email goes out when a license is assigned (R17), not here.
    return { membership, user, isNewContact };
  });
}

async function createContact(transaction: DbClient, email: string, contact: Partial<ContactDetails> | undefined): Promise<User> {
  const parsed = ContactDetails.safeParse(contact ?? {});
  if (!parsed.success) {
    // R14: the form names the missing mandatory fields; without any details the UI shows the form.
    throw new DomainError("INVALID", "Contact details are required for someone without an account", {
      reason: "CONTACT_DETAILS_REQUIRED",
      fields: fieldErrors(parsed.error),
    });
  }
  try {
    return await transaction.user.create({ data: { email, ...parsed.data } });
  } catch (error) {
    // Another admin created this contact a moment ago; their request won, this one can be retried.
    if (isUniqueViolation(error))
      throw new DomainError("CONFLICT", `${email} was just added by someone else; try again`, { reason: "CONCURRENT_ADD" });
    throw error;
  }
}
