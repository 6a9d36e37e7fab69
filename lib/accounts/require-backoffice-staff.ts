// Back-office use cases (R31: companies, license groups, licenses) are for the vendor's staff.
// Same vocabulary and answer as lib/auth/permissions.ts (the back office does not reveal itself),
// but read from the database inside the use case's transaction.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { canAccessBackoffice } from "@/lib/auth/permissions";
import type { DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export async function requireBackofficeStaff(options: { actor: Actor; db: DbClient }): Promise<void> {
  const actor = await options.db.user.findUnique({ where: { id: options.actor.id }, select: { isStaff: true, disabledAt: true } });
  if (!actor || actor.disabledAt || !canAccessBackoffice(actor)) throw notFound("Back office");
}
