// Software management → Users: the company's people and their roles, for its admins.
import "server-only";
import type { MembershipRole } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";

export type CompanyMember = { userId: string; email: string; firstName: string; lastName: string; role: MembershipRole; isSelf: boolean };

export async function listCompanyMembers(options: { actor: Actor; companyId: string; db?: DbClient }): Promise<CompanyMember[]> {
  const client = options.db ?? processDb();
  await requireCompanyAdmin({ actor: options.actor, companyId: options.companyId, db: client, resource: "Company" });
  const memberships = await client.membership.findMany({
    where: { companyId: options.companyId },
    select: { role: true, user: { select: { id: true, email: true, firstName: true, lastName: true } } },
    orderBy: [{ role: "asc" }, { user: { lastName: "asc" } }, { user: { firstName: "asc" } }, { user: { email: "asc" } }],
  });
  return memberships.map(({ role, user }) => ({
    userId: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role,
    isSelf: user.id === options.actor.id,
  }));
}
