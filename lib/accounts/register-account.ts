// R9, R10: self-registration. The answer is the same whether or not the address already has an
// account (no enumeration): a new address gets an "Activate account" mail, a registered one an
// "account-exists" mail, and the caller shows one "check your email" screen for both. The
// password is hashed before the address is looked up, so both paths take the same time.
import "server-only";
import type { Prisma } from "@prisma/client";
import type { ContinueToProduct } from "@/lib/accounts/continue-to";
import { Email, FirstName, LastName, Locale } from "@/lib/accounts/fields";
import { assertAcceptablePassword } from "@/lib/accounts/password-field-errors";
import { CURRENT_TERMS_VERSION } from "@/lib/accounts/terms";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { issueToken, VERIFICATION_TOKEN_TTL_MS } from "@/lib/auth/one-time-tokens";
import { hashPassword } from "@/lib/auth/password";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { absoluteUrl } from "@/lib/email/absolute-url";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { DomainError } from "@/lib/errors";
import type { Locale as LocaleValue } from "@/lib/i18n/locales";
import { defaultRateLimits, type RateLimits } from "@/lib/rate-limit/rate-limits";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isUniqueViolation } from "@/lib/transactions/unique-violation";

export type RegisterAccountOptions = {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
  /** R9: must be true; the accepted version and time are stored. */
  acceptTerms: boolean;
  language: LocaleValue;
  /** Registration that began from a license email continues to that software (R10). */
  continueTo?: ContinueToProduct | null;
  ipAddress?: string | null;
  db?: DbClient;
  clock?: Clock;
  rateLimits?: RateLimits;
};

export async function registerAccount(options: RegisterAccountOptions): Promise<void> {
  const email = Email.safeParse(options.email);
  if (!email.success) throw new DomainError("INVALID", "Invalid email", { fields: { email: "invalid" } });
  if (options.acceptTerms !== true) throw new DomainError("INVALID", "Terms not accepted", { fields: { acceptTerms: "required" } });
  const language = Locale.parse(options.language);
  const firstName = FirstName.safeParse(options.firstName ?? "").data ?? "";
  const lastName = LastName.safeParse(options.lastName ?? "").data ?? "";
  assertAcceptablePassword(options.password, email.data);

  const rateLimits = options.rateLimits ?? defaultRateLimits();
  if (options.ipAddress) await rateLimits.consume("registration-ip", options.ipAddress);
  await rateLimits.consume("registration-email", email.data);

  const passwordHash = await hashPassword(options.password);
  const now = (options.clock ?? systemClock).now();
  const tokenData = (pendingPasswordHash?: string): Prisma.InputJsonObject => ({
    ...(options.continueTo ? { continueTo: options.continueTo } : {}),
    ...(pendingPasswordHash ? { passwordHash: pendingPasswordHash } : {}),
  });

  try {
    await runInTransaction(options.db, async (db) => {
      const existing = await db.user.findUnique({
        where: { email: email.data },
        select: { id: true, firstName: true, language: true, emailVerifiedAt: true, passwordHash: true },
      });

      if (existing?.emailVerifiedAt && existing.passwordHash) {
        // Registered already: tell the owner of the address, change nothing.
        await enqueueEmail({
          db,
          template: "account-exists",
          to: email.data,
          locale: existing.language,
          payload: { firstName: existing.firstName, signInUrl: absoluteUrl("/sign-in"), resetUrl: absoluteUrl("/forgot-password") },
          userId: existing.id,
        });
        return;
      }

      let userId: string;
      let pendingPasswordHash: string | undefined;
      if (existing) {
        // An invited contact (R14, R17) or an earlier registration never activated. The new
        // password waits in the token until the owner of the address activates it, so someone
        // registering another person's address cannot set that account's password.
        userId = existing.id;
        pendingPasswordHash = passwordHash;
        await db.user.update({
          where: { id: existing.id },
          data: { termsVersion: CURRENT_TERMS_VERSION, termsAcceptedAt: now, language, ...(existing.firstName ? {} : { firstName, lastName }) },
        });
      } else {
        const created = await db.user.create({
          data: { email: email.data, passwordHash, firstName, lastName, language, termsVersion: CURRENT_TERMS_VERSION, termsAcceptedAt: now },
          select: { id: true },
        });
        userId = created.id;
      }

      const { token } = await issueToken({
        db,
        purpose: "EMAIL_VERIFICATION",
        userId,
        ttlMs: VERIFICATION_TOKEN_TTL_MS,
        data: tokenData(pendingPasswordHash),
        clock: options.clock,
      });
      await enqueueEmail({
        db,
        template: "account-verification",
        to: email.data,
        locale: language,
        payload: { firstName: existing?.firstName || firstName, verifyUrl: absoluteUrl(`/verify-email?token=${token}`), expiresInHours: 24 },
        userId,
      });
      await recordAuditEvent({ db, event: { action: "account.registered", companyId: null, actorId: userId, subjectUserId: userId, ipAddress: options.ipAddress ?? null, at: now } });
    });
  } catch (error) {
    // Two registrations of one new address at the same moment: the other one created the user
    // and sent the mail; this one answers the same way.
    if (isUniqueViolation(error)) return;
    throw error;
  }
}
