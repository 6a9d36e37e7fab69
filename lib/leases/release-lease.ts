// R2/R5: a seat is released at logout (or when the software closes); expiry needs no release.
import "server-only";
import type { FloatingLease } from "@prisma/client";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { releaseLeaseStatement } from "@/lib/leases/lease-statements";
import { isRecordId } from "@/lib/validation/record-id";

type ReleasedRow = FloatingLease & { wasOpen: boolean };

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

  // One statement (lease-statements.ts): this is the hot path of every desktop application's exit.
  const [row] = await (options.db ?? processDb()).$queryRaw<ReleasedRow[]>(releaseLeaseStatement({ leaseId: options.leaseId, userId: options.userId, reason, now }));
  if (!row) throw notFound("Lease");
  const { wasOpen, ...lease } = row;
  return { lease, wasOpen };
}
