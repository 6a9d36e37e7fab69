// Sets a new password from a reset link, checked before the token is used (a refused one keeps the link).
// The reset proves the address, so it also verifies it; every existing session ends.
import "server-only";
import { assertAcceptablePassword } from "@/lib/accounts/password-field-errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { consumeToken, findUsableToken } from "@/lib/auth/one-time-tokens";
import { hashPassword } from "@/lib/auth/password";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

const invalidLink = () => new DomainError("INVALID", "The reset link is invalid, used or expired", { fields: { token: "invalid" } });

export async function resetPassword(options: {
  token: string;
  password: string;
  ipAddress?: string | null;
  db?: DbClient;
  clock?: Clock;
}): Promise<void> {
  const client = options.db ?? processDb();
  const usable = await findUsableToken({ db: client, purpose: "PASSWORD_RESET", token: options.token, clock: options.clock });
  if (!usable) throw invalidLink();
  const owner = await client.user.findUniqueOrThrow({ where: { id: usable.userId }, select: { email: true } });
  await assertAcceptablePassword(options.password, owner.email);
  const passwordHash = await hashPassword(options.password);
  const now = (options.clock ?? systemClock).now();

  await runInTransaction(options.db, async (db) => {
    const consumed = await consumeToken({ db, purpose: "PASSWORD_RESET", token: options.token, clock: options.clock });
    if (!consumed) throw invalidLink();
    const user = await db.user.findUniqueOrThrow({ where: { id: consumed.userId }, select: { emailVerifiedAt: true } });
    await db.user.update({
      where: { id: consumed.userId },
      data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now, sessionVersion: { increment: 1 } },
    });
    await recordAuditEvent({
      db,
      event: {
        action: "auth.password-changed",
        companyId: null,
        actorId: consumed.userId,
        subjectUserId: consumed.userId,
        data: { via: "reset" },
        ipAddress: options.ipAddress ?? null,
        at: now,
      },
    });
  });
}
