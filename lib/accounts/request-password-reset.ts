// "Forgot password": a 1-hour reset link, sent only to an address with an account; the caller answers alike.
import "server-only";
import { Email } from "@/lib/accounts/fields";
import { issueToken, PASSWORD_RESET_TOKEN_TTL_MS } from "@/lib/auth/one-time-tokens";
import type { Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { absoluteUrl } from "@/lib/email/absolute-url";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { DomainError } from "@/lib/errors";
import { defaultRateLimits, type RateLimits } from "@/lib/rate-limit/rate-limits";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export async function requestPasswordReset(options: {
  email: string;
  ipAddress?: string | null;
  db?: DbClient;
  clock?: Clock;
  rateLimits?: RateLimits;
}): Promise<void> {
  const email = Email.safeParse(options.email);
  if (!email.success) throw new DomainError("INVALID", "Invalid email", { fields: { email: "invalid" } });
  const rateLimits = options.rateLimits ?? defaultRateLimits();
  if (options.ipAddress) await rateLimits.consume("password-reset-ip", options.ipAddress);
  await rateLimits.consume("password-reset-email", email.data);

  await runInTransaction(options.db, async (db) => {
    const user = await db.user.findUnique({
      where: { email: email.data },
      select: { id: true, firstName: true, language: true, passwordHash: true, disabledAt: true },
    });
    // Invited contacts without a password register instead (R17); disabled users get nothing.
    if (!user?.passwordHash || user.disabledAt) return;
    const { token } = await issueToken({
      db,
      purpose: "PASSWORD_RESET",
      userId: user.id,
      ttlMs: PASSWORD_RESET_TOKEN_TTL_MS,
      clock: options.clock,
    });
    await enqueueEmail({
      db,
      template: "password-reset",
      to: email.data,
      locale: user.language,
      payload: { firstName: user.firstName, resetUrl: absoluteUrl(`/reset-password?token=${token}`), expiresInMinutes: 60 },
      userId: user.id,
    });
  });
}
