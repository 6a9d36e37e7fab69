// "Send a new activation email", answered alike for every address; the new link carries the waiting
// registration over (decision 017).
import "server-only";
import { Email } from "@/lib/accounts/fields";
import { findPendingRegistration } from "@/lib/accounts/pending-registration";
import { issueToken, VERIFICATION_TOKEN_TTL_MS } from "@/lib/auth/one-time-tokens";
import type { Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { absoluteUrl } from "@/lib/email/absolute-url";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { DomainError } from "@/lib/errors";
import { defaultRateLimits, type RateLimits } from "@/lib/rate-limit/rate-limits";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export async function resendVerification(options: {
  email: string;
  ipAddress?: string | null;
  db?: DbClient;
  clock?: Clock;
  rateLimits?: RateLimits;
}): Promise<void> {
  const email = Email.safeParse(options.email);
  if (!email.success) throw new DomainError("INVALID", "Invalid email", { fields: { email: "invalid" } });
  const rateLimits = options.rateLimits ?? defaultRateLimits();
  if (options.ipAddress) await rateLimits.consume("verification-resend-ip", options.ipAddress);
  await rateLimits.consume("verification-resend-email", email.data);

  await runInTransaction(options.db, async (db) => {
    const user = await db.user.findUnique({
      where: { email: email.data },
      select: { id: true, firstName: true, language: true, emailVerifiedAt: true, passwordHash: true, disabledAt: true },
    });
    if (!user || user.emailVerifiedAt || user.disabledAt) return;
    const pending = await findPendingRegistration({ db, userId: user.id });
    // A contact nobody registered yet gets invitations from their admin, not activation mails.
    if (!pending && !user.passwordHash) return;
    const { token } = await issueToken({
      db,
      purpose: "EMAIL_VERIFICATION",
      userId: user.id,
      ttlMs: VERIFICATION_TOKEN_TTL_MS,
      data: pending?.data,
      clock: options.clock,
    });
    await enqueueEmail({
      db,
      template: "account-verification",
      to: email.data,
      locale: pending?.registration.language ?? user.language,
      payload: {
        firstName: user.firstName || pending?.registration.firstName || "",
        verifyUrl: absoluteUrl(`/verify-email?token=${token}`),
        expiresInHours: 24,
      },
      userId: user.id,
    });
  });
}
