// R2/R5: a seat is released at logout (or when the software closes); expiry needs no release.
import "server-only";
import type { FloatingLease } from "@prisma/client";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, queryRows, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { sessionEnded } from "@/lib/api-sessions/access-tokens";
import { releaseLeaseStatement, type SessionToCheck } from "@/lib/leases/lease-statements";
import { isRecordId } from "@/lib/validation/record-id";

type ReleasedRow = { isSessionLive: boolean; wasOpen: boolean } & (FloatingLease | { [Column in keyof FloatingLease]: null });

export async function releaseLease(options: {
  /** The lease's own user; anyone else's lease is not found (R28). */
  userId: string;
  leaseId: string;
  reason?: string;
  /** The caller's API session, checked by the release statement before anything else (decision 013). */
  session?: SessionToCheck;
  clock?: Clock;
  db?: DbClient;
}): Promise<{ lease: FloatingLease; wasOpen: boolean }> {
  if (!isRecordId(options.leaseId)) throw notFound("Lease");
  const now = (options.clock ?? systemClock).now();
  const reason = options.reason?.trim() || "released";

  // One statement: the hot path of every desktop application's exit.
  const [row] = await queryRows<ReleasedRow>(
    options.db ?? processDb(),
    releaseLeaseStatement({ leaseId: options.leaseId, userId: options.userId, reason, session: options.session ?? null, now }),
  );
  const { isSessionLive, wasOpen, ...lease } = row!;
  if (!isSessionLive) throw sessionEnded();
  if (lease.id === null) throw notFound("Lease");
  return { lease, wasOpen };
}
