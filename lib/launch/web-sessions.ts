// R2: a web application keeps its floating seat while the tab is in use and frees it on "Log out".
// It proves which seat is its own with the lease id and the browser session id from the launch
// token: an unguessable capability, so these calls need no sign-in of their own. The seat rules
// themselves are the leases' (heartbeat-lease.ts, release-lease.ts), as for desktop applications.
// Issue 13: the browser session id is the seat holder of a portal session, and a web application's
// session lives only as long as that portal session does: signing out of the portal (or everywhere),
// a password change or a disabled account end it at the next heartbeat or status call.
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

/** The seat the key names; a wrong lease id or browser session id is the same NOT_FOUND (R28). */
async function findWebSessionLease(client: DbClient, key: WebSessionKey) {
  if (!isRecordId(key.leaseId) || !isBrowserSessionId(key.browserSessionId)) throw notFound("Web session");
  const lease = await client.floatingLease.findFirst({
    where: { id: key.leaseId, browserSessionId: key.browserSessionId },
    select: { id: true, licenseId: true, userId: true, releasedAt: true },
  });
  if (!lease) throw notFound("Web session");
  return lease;
}

/** Whether the portal session holding these web seats is still signed in (lib/auth/portal-sessions.ts). */
async function isHolderSignedIn(client: DbClient, options: { browserSessionId: string; userId?: string; now: Date }): Promise<boolean> {
  const session = await client.portalSession.findFirst({
    where: { seatHolderId: options.browserSessionId, ...(options.userId ? { userId: options.userId } : {}), ...livePortalSessionWhere(options.now) },
    select: { sessionVersion: true, user: { select: { sessionVersion: true } } },
  });
  return session !== null && isAtCurrentVersion(session);
}

function signedOut(): DomainError {
  return new DomainError("UNAUTHENTICATED", "The portal session of this browser has ended", { reason: "SESSION_ENDED" });
}

/**
 * Extends the seat by one hour (R2). A seat that lapsed while nobody needed it is taken up again;
 * one a colleague took meanwhile, or one released, is gone: CONFLICT with reason LEASE_EXPIRED.
 * A revoked assignment (R18), an ended membership or an expired license ends access: FORBIDDEN.
 * A portal session that ended (sign-out, password change, disabled account) frees the seat: UNAUTHENTICATED.
 */
export async function keepWebSessionAlive(options: WebSessionKey & { clock?: Clock; db?: DbClient }): Promise<FloatingLease> {
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  const lease = await findWebSessionLease(client, options);
  if (!(await isHolderSignedIn(client, { browserSessionId: options.browserSessionId, userId: lease.userId, now }))) {
    if (!lease.releasedAt) await releaseLease({ userId: lease.userId, leaseId: lease.id, reason: "signed-out", clock: options.clock, db: options.db });
    throw signedOut();
  }
  if (lease.releasedAt) {
    // Revoking a license releases its seats at once (save-assignments.ts); the application should
    // hear that access ended (403), not that a colleague has its seat (410).
    const assignment = await client.assignment.findFirst({ where: { licenseId: lease.licenseId, userId: lease.userId, revokedAt: null }, select: { id: true } });
    if (!assignment) throw new DomainError("FORBIDDEN", "This license is no longer assigned to you", { reason: "NOT_ASSIGNED" });
  }
  const { lease: kept } = await heartbeatLease({ userId: lease.userId, leaseId: lease.id, clock: options.clock, db: options.db });
  return kept;
}

/** "Log out" in the web application frees its seat at once (R2). Releasing twice is harmless. */
export async function endWebSession(options: WebSessionKey & { clock?: Clock; db?: DbClient }): Promise<{ wasOpen: boolean }> {
  const lease = await findWebSessionLease(options.db ?? processDb(), options);
  const { wasOpen } = await releaseLease({ userId: lease.userId, leaseId: lease.id, reason: "logout", clock: options.clock, db: options.db });
  return { wasOpen };
}

/**
 * A web application without a seat (a named license, a trial, Standard) asks whether its user is
 * still signed in to the portal; UNAUTHENTICATED once that session has ended.
 */
export async function checkWebSession(options: { browserSessionId: string; clock?: Clock; db?: DbClient }): Promise<void> {
  const now = (options.clock ?? systemClock).now();
  if (!isBrowserSessionId(options.browserSessionId) || !(await isHolderSignedIn(options.db ?? processDb(), { browserSessionId: options.browserSessionId, now }))) {
    throw signedOut();
  }
}
