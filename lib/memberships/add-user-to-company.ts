// "Add user" (R14): a verified company adds at once, any other invites to join (decision 016).
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import type { ContactDetails } from "@/lib/accounts/account-schemas";
import { isVerifiedCompany } from "@/lib/companies/company-verification";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { inviteCompanyMember } from "@/lib/memberships/invite-company-member";
import type { Clock } from "@/lib/clock";
import { isRecordId } from "@/lib/validation/record-id";

export type AddUserResult = { status: "ADDED"; email: string; isNewContact: boolean } | { status: "INVITED"; email: string };

export async function addUserToCompany(options: {
  actor: Actor;
  companyId: string;
  email: string;
  contact?: Partial<ContactDetails>;
  clock?: Clock;
  db?: DbClient;
}): Promise<AddUserResult> {
  if (!isRecordId(options.companyId)) throw notFound("Company");
  const company = await (options.db ?? processDb()).company.findUnique({ where: { id: options.companyId }, select: { verifiedAt: true } });
  if (!company) throw notFound("Company");
  if (!isVerifiedCompany(company)) return inviteCompanyMember(options);
  // addCompanyMember checks verification again inside its transaction.
  const added = await addCompanyMember(options);
  return { status: "ADDED", email: added.user.email, isNewContact: added.isNewContact };
}
