// Decision 011 at checkout: the buyer's current company, whether they may buy for it (ADMIN), and
// otherwise whom to ask — the company's administrators by name.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { canManageSoftware } from "@/lib/auth/permissions";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { BillingAddress } from "@/lib/shop/billing-details";
import { listCompanyAdministrators } from "@/lib/memberships/list-company-administrators";
import { isRecordId } from "@/lib/validation/record-id";

export type CheckoutCompany = {
  id: string;
  name: string;
  country: string;
  vatNumber: string | null;
  /** The buyer is ADMIN here and so may buy for the company. */
  canBuy: boolean;
  /** When the buyer may not: the people to ask, by name. */
  administrators: { name: string; email: string }[];
  /** The address on file, to prefill the checkout (decision 021); shown to its admins only. */
  billingAddress: BillingAddress | null;
};

export async function getCheckoutCompany(options: { actor: Actor; companyId: string; db?: DbClient }): Promise<CheckoutCompany> {
  const client = options.db ?? processDb();
  if (!isRecordId(options.companyId)) throw notFound("Company");
  const membership = await client.membership.findUnique({
    where: { userId_companyId: { userId: options.actor.id, companyId: options.companyId } },
    select: {
      role: true,
      company: {
        select: {
          id: true,
          name: true,
          country: true,
          vatNumber: true,
          billingAttention: true,
          billingStreet: true,
          billingPostalCode: true,
          billingCity: true,
        },
      },
    },
  });
  // R28: a company the buyer is no contact of does not exist for them.
  if (!membership) throw notFound("Company");
  const canBuy = canManageSoftware(membership);
  const administrators = canBuy ? [] : await listCompanyAdministrators(options.companyId, client);
  const { billingAttention, billingStreet, billingPostalCode, billingCity, ...company } = membership.company;
  const billingAddress =
    canBuy && billingStreet && billingPostalCode && billingCity
      ? { attention: billingAttention ?? undefined, street: billingStreet, postalCode: billingPostalCode, city: billingCity }
      : null;
  return { ...company, canBuy, administrators, billingAddress };
}
