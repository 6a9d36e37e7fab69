// R2/R5: a seat is released at logout (or when the software closes); expiry needs no release.
import "server-only";
import type { FloatingLease } from "@prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export async function releaseLease(options: {
  /** The lease's own user; anyone else's lease is not found (R28). */
  userId: string;
  leaseId: string;
  reason?: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<{ lease: FloatingLease; wasOpen: boolean }> {
  if (!isRecordId(options.leaseId)) throw notFound("Lease");
  const now = (options.clock ?? systemClock).now();
  const reason = options.reason?.trim() || "released";

  return runInTransaction(options.db, async (transaction) => {
    const lease = await transaction.floatingLease.findFirst({
      where: { id: options.leaseId, userId: options.userId },
      include: { license: { select: { group: { select: { companyId: true } } } } },
    });
    if (!lease) throw notFound("Lease");
    const { license, ...row } = lease;
    // Conditional update: a release racing another release or a heartbeat changes the row once.
    const { count } = await transaction.floatingLease.updateMany({ where: { id: row.id, releasedAt: null }, data: { releasedAt: now, releaseReason: reason } });
    if (count === 0) return { lease: row, wasOpen: false };
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "lease.released",
        companyId: license.group.companyId,
        actorId: options.userId,
        subjectUserId: options.userId,
        licenseId: row.licenseId,
        data: { leaseId: row.id, reason, wasLive: row.expiresAt > now },
        at: now,
      },
    });
    return { lease: await transaction.floatingLease.findUniqueOrThrow({ where: { id: row.id } }), wasOpen: true };
  });
}
