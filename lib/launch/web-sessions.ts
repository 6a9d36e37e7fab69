// R2: a web application keeps its floating seat while the tab is in use and frees it on "Log out".
// It proves which seat is its own with the lease id and the browser session id from the launch
// token: an unguessable capability, so these calls need no sign-in of their own. The seat rules
// themselves are the leases' (heartbeat-lease.ts, release-lease.ts), as for desktop applications.
import "server-only";
import type { FloatingLease } from "@prisma/client";
import type { Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { isBrowserSessionId } from "@/lib/launch/browser-session";
import { heartbeatLease } from "@/lib/leases/heartbeat-lease";
import { releaseLease } from "@/lib/leases/release-lease";
import { isRecordId } from "@/lib/validation/record-id";

type WebSessionKey = { leaseId: string; browserSessionId: string };

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

/**
 * Extends the seat by one hour (R2). A seat that lapsed while nobody needed it is taken up again;
 * one a colleague took meanwhile, or one released, is gone: CONFLICT with reason LEASE_EXPIRED.
 * A revoked assignment (R18) or an expired license ends access: FORBIDDEN.
 */
export async function keepWebSessionAlive(options: WebSessionKey & { clock?: Clock; db?: DbClient }): Promise<FloatingLease> {
  const lease = await findWebSessionLease(options.db ?? processDb(), options);
  if (lease.releasedAt) {
    // Revoking a license releases its seats at once (save-assignments.ts); the application should
    // hear that access ended (403), not that a colleague has its seat (410).
    const assignment = await (options.db ?? processDb()).assignment.findFirst({ where: { licenseId: lease.licenseId, userId: lease.userId, revokedAt: null }, select: { id: true } });
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
