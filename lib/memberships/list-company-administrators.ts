// Whom a member asks when they may not act themselves: the company's administrators by name. The caller
// has checked that the reader is a member.
import "server-only";
import { displayName } from "@/lib/auth/current-user";
import { db as processDb, type DbClient } from "@/lib/db/client";

export type CompanyAdministrator = { name: string; email: string };

export async function listCompanyAdministrators(companyId: string, client: DbClient = processDb()): Promise<CompanyAdministrator[]> {
  const administrators = await client.membership.findMany({
    where: { companyId, role: "ADMIN", user: { disabledAt: null } },
    select: { user: { select: { firstName: true, lastName: true, email: true } } },
    orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }, { user: { email: "asc" } }],
    take: 10,
  });
  return administrators.map(({ user }) => ({ name: displayName(user), email: user.email }));
}
