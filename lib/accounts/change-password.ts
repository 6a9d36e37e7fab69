// Profile: change the password (rate limited per user and IP). Raises sessionVersion, so every other session
// ends; the caller re-issues the current one with the returned version.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { assertAcceptablePassword } from "@/lib/accounts/password-field-errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { defaultRateLimits, type RateLimits } from "@/lib/rate-limit/rate-limits";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export async function changePassword(options: {
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  ipAddress?: string | null;
  db?: DbClient;
  clock?: Clock;
  rateLimits?: RateLimits;
}): Promise<{ sessionVersion: number }> {
  const client = options.db ?? processDb();
  const rateLimits = options.rateLimits ?? defaultRateLimits();
  await rateLimits.consume("password-check-user", options.actor.id);
  if (options.ipAddress) await rateLimits.consume("password-check-ip", options.ipAddress);
  const user = await client.user.findUnique({ where: { id: options.actor.id }, select: { email: true, passwordHash: true } });
  if (!user?.passwordHash) throw new DomainError("UNAUTHENTICATED", "not signed in");
  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    throw new DomainError("INVALID", "The current password is wrong", { fields: { currentPassword: "wrong" } });
  }
  await assertAcceptablePassword(options.newPassword, user.email, "newPassword");
  const passwordHash = await hashPassword(options.newPassword);
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (db) => {
    const updated = await db.user.update({
      where: { id: options.actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAuditEvent({
      db,
      event: {
        action: "auth.password-changed",
        companyId: null,
        actorId: options.actor.id,
        subjectUserId: options.actor.id,
        data: { via: "profile" },
        ipAddress: options.ipAddress ?? null,
        at: now,
      },
    });
    return updated;
  });
}
