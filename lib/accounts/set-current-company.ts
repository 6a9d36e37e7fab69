// "Change company" (R11): the chosen company context is kept on the user across sessions.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export async function setCurrentCompany(
  options: { actor: Actor; companyId: string; ipAddress?: string | null },
  client?: DbClient,
): Promise<void> {
  await runInTransaction(client, async (db) => {
    // One conditional update: a company the actor is no contact of is NOT_FOUND (R28).
    const updated = await db.user.updateMany({
      where: { id: options.actor.id, memberships: { some: { companyId: options.companyId } } },
      data: { currentCompanyId: options.companyId },
    });
    if (updated.count === 0) throw notFound("Company");
    await recordAuditEvent({
      db,
      event: { action: "company.switched", companyId: options.companyId, actorId: options.actor.id, ipAddress: options.ipAddress ?? null },
    });
  });
}
