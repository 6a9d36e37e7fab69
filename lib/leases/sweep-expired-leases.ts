// Tidying, not correctness (a lease stops counting at expiresAt): leases expired long ago are marked released
// and recorded (R24), in SKIP LOCKED batches, so sweepers and heartbeats never wait for each other.
import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { LEASE_SWEEP_GRACE_MS } from "@/lib/leases/lease-policy";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

const BATCH_SIZE = 500;

type SweptRow = { id: string; licenseId: string; userId: string; companyId: string; expiresAt: Date };

export async function sweepExpiredLeases(options: { clock?: Clock; db?: DbClient; batchSize?: number } = {}): Promise<number> {
  const client = options.db ?? processDb();
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const now = (options.clock ?? systemClock).now();
  const cutoff = new Date(now.getTime() - LEASE_SWEEP_GRACE_MS);
  let total = 0;
  for (;;) {
    const swept = await runInTransaction(client, async (transaction) => {
      const rows = await transaction.$queryRaw<SweptRow[]>`
        UPDATE "FloatingLease" f SET "releasedAt" = ${now}, "releaseReason" = 'expired'
        FROM "License" l JOIN "LicenseGroup" g ON g."id" = l."groupId"
        WHERE l."id" = f."licenseId" AND f."id" IN (
          SELECT "id" FROM "FloatingLease" WHERE "releasedAt" IS NULL AND "expiresAt" < ${cutoff}
          ORDER BY "expiresAt" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
        RETURNING f."id"::text AS "id", f."licenseId"::text AS "licenseId", f."userId"::text AS "userId", g."companyId"::text AS "companyId", f."expiresAt"`;
      await recordAuditEvents({
        db: transaction,
        events: rows.map((row) => ({
          action: "lease.expired" as const,
          companyId: row.companyId,
          actorId: null,
          subjectUserId: row.userId,
          licenseId: row.licenseId,
          data: { leaseId: row.id, expiredAt: row.expiresAt.toISOString() },
          at: now,
        })),
      });
      return rows.length;
    });
    total += swept;
    if (swept < batchSize) return total;
  }
}
