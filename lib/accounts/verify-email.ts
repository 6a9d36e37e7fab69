// R10: "Activate account". Consumes the verification token (once: see one-time-tokens.ts), marks
// the address verified and, for an invited contact or a repeated registration, sets the password
// that waited in the token. Returns where the success screen's "Continue to" leads.
import "server-only";
import { z } from "zod";
import { continueToOf, resolveContinueTarget, type ContinueTarget } from "@/lib/accounts/continue-to";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { consumeToken } from "@/lib/auth/one-time-tokens";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

const PendingPassword = z.object({ passwordHash: z.string().startsWith("$argon2id$") });

export async function verifyEmail(options: { token: string; db?: DbClient; clock?: Clock }): Promise<ContinueTarget> {
  const now = (options.clock ?? systemClock).now();
  return runInTransaction(options.db, async (db) => {
    const consumed = await consumeToken({ db, purpose: "EMAIL_VERIFICATION", token: options.token, clock: options.clock });
    if (!consumed) throw new DomainError("INVALID", "The activation link is invalid, used or expired");
    const pending = PendingPassword.safeParse(consumed.data);
    const user = await db.user.findUniqueOrThrow({ where: { id: consumed.userId }, select: { emailVerifiedAt: true } });
    await db.user.update({
      where: { id: consumed.userId },
      data: {
        emailVerifiedAt: user.emailVerifiedAt ?? now,
        // A new password ends the sessions made with the old one.
        ...(pending.success ? { passwordHash: pending.data.passwordHash, sessionVersion: { increment: 1 } } : {}),
      },
    });
    await recordAuditEvent({ db, event: { action: "account.verified", companyId: null, actorId: consumed.userId, subjectUserId: consumed.userId, at: now } });
    return resolveContinueTarget({ db, productCode: continueToOf(consumed.data) });
  });
}
