// Browser sessions on the server (decision 018): the cookie names a PortalSession row, whose seatHolderId
// holds the browser's web seats (R2); ending the session gives them back.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { releaseOpenLeases } from "@/lib/leases/release-open-leases";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

/** As long as the session cookie: a week. */
export const PORTAL_SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type PortalSessionEndReason = "signed-out" | "signed-out-everywhere";

/** The one rule of a live session, for the cookie's requests and for the web seats it holds. */
export function livePortalSessionWhere(now: Date): Prisma.PortalSessionWhereInput {
  return { endedAt: null, expiresAt: { gt: now }, user: { disabledAt: null, emailVerifiedAt: { not: null } } };
}

/** …and the session was begun (or its password changed) under the user's current sessionVersion. */
export function isAtCurrentVersion(session: { sessionVersion: number; user: { sessionVersion: number } }): boolean {
  return session.sessionVersion === session.user.sessionVersion;
}

export async function startPortalSession(options: {
  userId: string;
  sessionVersion: number;
  db?: DbClient;
  clock?: Clock;
}): Promise<{ id: string; seatHolderId: string }> {
  const now = (options.clock ?? systemClock).now();
  return (options.db ?? processDb()).portalSession.create({
    data: {
      userId: options.userId,
      seatHolderId: randomBytes(32).toString("base64url"),
      sessionVersion: options.sessionVersion,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PORTAL_SESSION_TTL_MS),
    },
    select: { id: true, seatHolderId: true },
  });
}

/** Deletes sessions that ended or ran out more than a day ago; nothing reads them. */
export async function deletePastPortalSessions(options: { db?: DbClient; clock?: Clock } = {}): Promise<number> {
  const dayAgo = new Date((options.clock ?? systemClock).now().getTime() - 24 * 60 * 60 * 1000);
  const { count } = await (options.db ?? processDb()).portalSession.deleteMany({
    where: { OR: [{ endedAt: { lt: dayAgo } }, { expiresAt: { lt: dayAgo } }] },
  });
  return count;
}

/** The session continues under a new sessionVersion (a password change made in it). */
export async function movePortalSessionToVersion(options: {
  sessionId: string;
  userId: string;
  sessionVersion: number;
  db?: DbClient;
}): Promise<void> {
  await (options.db ?? processDb()).portalSession.updateMany({
    where: { id: options.sessionId, userId: options.userId, endedAt: null },
    data: { sessionVersion: options.sessionVersion },
  });
}

/** Ends one session or all of a user's, with their web seats; ending an ended session changes nothing. */
export async function endPortalSessions(options: {
  userId: string;
  sessionId?: string;
  reason: PortalSessionEndReason;
  db?: DbClient;
  clock?: Clock;
}): Promise<number> {
  const now = (options.clock ?? systemClock).now();
  return runInTransaction(options.db, async (transaction) => {
    const where = { userId: options.userId, endedAt: null, ...(options.sessionId ? { id: options.sessionId } : {}) };
    const ending = await transaction.portalSession.findMany({ where, select: { seatHolderId: true } });
    if (ending.length === 0) return 0;
    await transaction.portalSession.updateMany({ where, data: { endedAt: now, endReason: options.reason } });
    await releaseOpenLeases({
      transaction,
      of: { userId: options.userId, browserSessionIds: ending.map((session) => session.seatHolderId) },
      reason: options.reason,
      actorId: options.userId,
      now,
    });
    return ending.length;
  });
}
