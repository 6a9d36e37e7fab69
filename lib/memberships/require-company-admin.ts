// The domain's guard inside the use case's transaction: the company from the resource, the role from the database.
import "server-only";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/accounts/actor";
import { canAccessBackoffice, canManageSoftware } from "@/lib/auth/permissions";

export async function requireCompanyAdmin(options: {
  actor: Actor;
  companyId: string;
  db: DbClient;
  /** What the caller looked up, for the NOT_FOUND message ("License group", "Company"). */
  resource: string;
  /** Back-office staff may act in every company (R31), e.g. to add a company's first admin. */
  allowStaff?: boolean;
}): Promise<void> {
  const actor = await options.db.user.findUnique({
    where: { id: options.actor.id },
    select: { isStaff: true, disabledAt: true, memberships: { where: { companyId: options.companyId }, select: { role: true } } },
  });
  if (!actor || actor.disabledAt) throw new DomainError("FORBIDDEN", "The acting user cannot act");
  if (options.allowStaff && canAccessBackoffice(actor)) return;
  const membership = actor.memberships[0];
  // R28: outside the company, the resource does not exist for this actor.
  if (!membership) throw notFound(options.resource);
  if (!canManageSoftware(membership)) throw new DomainError("FORBIDDEN", "Only the company's software administrators may do this");
}
