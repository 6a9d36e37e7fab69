// "Change company" (R11): the chosen company context is kept on the user across sessions.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { db, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export async function setCurrentCompany(options: { actor: Actor; companyId: string }, client: DbClient = db()): Promise<void> {
  // Only a company the actor is a contact of; any other gets NOT_FOUND, like one that does not
  // exist (R28). One conditional update, so a membership check and the write cannot drift apart.
  const updated = await client.user.updateMany({
    where: { id: options.actor.id, memberships: { some: { companyId: options.companyId } } },
    data: { currentCompanyId: options.companyId },
  });
  if (updated.count === 0) throw notFound("Company");
}
