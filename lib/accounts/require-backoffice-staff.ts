// R31: back-office use cases are for the vendor's staff, read inside the use case's transaction; anyone else
// gets NOT_FOUND (the back office does not reveal itself).
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { canAccessBackoffice } from "@/lib/auth/permissions";
import type { DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export async function requireBackofficeStaff(options: { actor: Actor; db: DbClient }): Promise<void> {
  const actor = await options.db.user.findUnique({ where: { id: options.actor.id }, select: { isStaff: true, disabledAt: true } });
  if (!actor || actor.disabledAt || !canAccessBackoffice(actor)) throw notFound("Back office");
}
