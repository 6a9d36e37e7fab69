// DELETE /api/v1/sessions/current (R5): revokes the API session and releases its machine's seats.
import "server-only";
import type { ApiPrincipal } from "@/lib/api-sessions/access-tokens";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { releaseOpenLeases } from "@/lib/leases/release-open-leases";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export async function endApiSession(options: {
  principal: ApiPrincipal;
  ipAddress?: string | null;
  clock?: Clock;
  db?: DbClient;
}): Promise<{ releasedLeases: number }> {
  const { userId, sessionId, deviceId, client } = options.principal;
  const now = (options.clock ?? systemClock).now();
  return runInTransaction(options.db, async (transaction) => {
    await transaction.refreshToken.updateMany({ where: { familyId: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
    const releasedLeases = deviceId
      ? await releaseOpenLeases({ transaction, of: { userId, deviceId }, reason: "signed out", actorId: userId, now })
      : 0;
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "api.signed-out",
        companyId: null,
        actorId: userId,
        subjectUserId: userId,
        data: { sessionId, client, deviceId, releasedLeases },
        ipAddress: options.ipAddress ?? null,
        at: now,
      },
    });
    return { releasedLeases };
  });
}
