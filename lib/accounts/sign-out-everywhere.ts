// "Sign out everywhere": every session of the user ends, with the web seats it holds.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endPortalSessions } from "@/lib/auth/portal-sessions";
import type { DbClient } from "@/lib/db/client";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export async function signOutEverywhere(options: { actor: Actor; ipAddress?: string | null; db?: DbClient }): Promise<void> {
  await runInTransaction(options.db, async (db) => {
    await db.user.update({ where: { id: options.actor.id }, data: { sessionVersion: { increment: 1 } } });
    await endPortalSessions({ userId: options.actor.id, reason: "signed-out-everywhere", db });
    await recordAuditEvent({
      db,
      event: {
        action: "auth.signed-out-everywhere",
        companyId: null,
        actorId: options.actor.id,
        subjectUserId: options.actor.id,
        ipAddress: options.ipAddress ?? null,
      },
    });
  });
}
