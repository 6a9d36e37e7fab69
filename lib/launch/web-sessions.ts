// R2: a web application keeps or frees its seat with the lease id and browser session id of its launch token,
// a capability needing no sign-in. Its session lives only as long as the portal session holding the seat.
import "server-only";
import type { FloatingLease } from "@prisma/client";
import { isAtCurrentVersion, livePortalSessionWhere } from "@/lib/auth/portal-sessions";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { heartbeatLease } from "@/lib/leases/heartbeat-lease";
import { releaseLease } from "@/lib/leases/release-lease";
import { BrowserSessionId } from "@/lib/licensing-api/contract";
import { isRecordId } from "@/lib/validation/record-id";

type WebSessionKey = { leaseId: string; browserSessionId: string };

function isBrowserSessionId(value: string): boolean {
  return BrowserSessionId.safeParse(value).success;
}

/** A wrong lease id or browser session id is the same NOT_FOUND (R28). */
async function findWebSessionLease(client: DbClient, key: WebSessionKey) {
  if (!isRecordId(key.leaseId) || !isBrowserSessionId(key.browserSessionId)) throw notFound("Web session");
  const lease = await client.floatingLease.findFirst({
    where: { id: key.leaseId, browserSessionId: key.browserSessionId },
    select: { id: true, licenseId: true, userId: true, releasedAt: true },
  });
  if (!lease) throw notFound("Web session");
  return lease;
}

async function isHolderSignedIn(client: DbClient, options: { browserSessionId: string; userId?: string; now: Date }): Promise<boolean> {
  const session = await client.portalSession.findFirst({
    where: {
      seatHolderId: options.browserSessionId,
      ...(options.userId ? { userId: options.userId } : {}),
      ...livePortalSessionWhere(options.now),
    },
    select: { sessionVersion: true, user: { select: { sessionVersion: true } } },
  });
  return session !== null && isAtCurrentVersion(session);
}

function signedOut(): DomainError {
  return new DomainError("UNAUTHENTICATED", "The portal session of this browser has ended", { reason: "SESSION_ENDED" });
}

/** heartbeatLease for a web seat; a portal session that ended frees the seat: UNAUTHENTICATED. */
export async function keepWebSessionAlive(options: WebSessionKey & { clock?: Clock; db?: DbClient }): Promise<FloatingLease> {
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  const lease = await findWebSessionLease(client, options);
  if (!(await isHolderSignedIn(client, { browserSessionId: options.browserSessionId, userId: lease.userId, now }))) {
    if (!lease.releasedAt)
      await releaseLease({ userId: lease.userId, leaseId: lease.id, reason: "signed-out", clock: options.clock, db: options.db });
    throw signedOut();
  }
  if (lease.releasedAt) {
    // A revocation released the seat: the application should hear 403, not that a colleague has it (410).
    const assignment = await client.assignment.findFirst({
      where: { licenseId: lease.licenseId, userId: lease.userId, revokedAt: null },
      select: { id: true },
    });
    if (!assignment) throw new DomainError("FORBIDDEN", "This license is no longer assigned to you", { reason: "NOT_ASSIGNED" });
  }
  const { lease: kept } = await heartbeatLease({ userId: lease.userId, leaseId: lease.id, clock: options.clock, db: options.db });
  return kept;
}

/** "Log out" frees the seat at once (R2); releasing twice is harmless. */
export async function endWebSession(options: WebSessionKey & { clock?: Clock; db?: DbClient }): Promise<{ wasOpen: boolean }> {
  const lease = await findWebSessionLease(options.db ?? processDb(), options);
  const { wasOpen } = await releaseLease({
    userId: lease.userId,
    leaseId: lease.id,
    reason: "logout",
    clock: options.clock,
    db: options.db,
  });
  return { wasOpen };
}

/** For a web application without a seat: UNAUTHENTICATED once the portal session has ended. */
export async function checkWebSession(options: { browserSessionId: string; clock?: Clock; db?: DbClient }): Promise<void> {
  const now = (options.clock ?? systemClock).now();
  if (
    !isBrowserSessionId(options.browserSessionId) ||
    !(await isHolderSignedIn(options.db ?? processDb(), { browserSessionId: options.browserSessionId, now }))
  ) {
    throw signedOut();
  }
}
