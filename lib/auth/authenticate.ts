// Email + password sign-in (R8, decision 006). No enumeration: unknown address, wrong password and disabled
// account all answer "invalid" in the same time. Each attempt is taken from the account's and the IP's limit
// BEFORE the password is checked, so parallel guesses cannot outrun the count; a success gives it back.
import "server-only";
import { z } from "zod";
import { Email } from "@/lib/accounts/fields";
import { findPendingRegistration } from "@/lib/accounts/pending-registration";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { db as processDb, type DbClient } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { defaultRateLimits, type RateLimits } from "@/lib/rate-limit/rate-limits";

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1).max(1024),
});

export type SignInResult =
  | { status: "signed-in"; claims: Pick<SessionClaims, "userId" | "sessionVersion">; language: Locale }
  | { status: "invalid" }
  | { status: "unverified" }
  | { status: "rate-limited"; retryAfterSeconds: number };

export async function signInWithPassword(options: {
  credentials: unknown;
  ipAddress?: string | null;
  db?: DbClient;
  rateLimits?: RateLimits;
}): Promise<SignInResult> {
  const parsed = SignInInput.safeParse(options.credentials);
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;
  const client = options.db ?? processDb();
  const rateLimits = options.rateLimits ?? defaultRateLimits();
  const ipAddress = options.ipAddress ?? null;

  if (ipAddress) {
    const fromIp = await rateLimits.take("sign-in-ip", ipAddress);
    if (!fromIp.allowed) return { status: "rate-limited", retryAfterSeconds: fromIp.retryAfterSeconds };
  }
  const forAccount = await rateLimits.take("sign-in-account", email);
  if (!forAccount.allowed) {
    // A locked account is not even checked; nothing was guessed, so the address keeps its attempt.
    if (ipAddress) await rateLimits.giveBack("sign-in-ip", ipAddress);
    return { status: "rate-limited", retryAfterSeconds: forAccount.retryAfterSeconds };
  }

  const user = await client.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, emailVerifiedAt: true, disabledAt: true, sessionVersion: true, language: true },
  });
  // A registration not yet activated has its password waiting in the verification token
  // (decision 017): the person who typed it learns "unverified", as before, and nobody gets in.
  const passwordHash =
    user?.passwordHash ??
    (user && !user.emailVerifiedAt ? (await findPendingRegistration({ db: client, userId: user.id }))?.registration.passwordHash : null);
  const isPasswordValid = passwordHash
    ? await verifyPassword(passwordHash, password)
    : await verifyPassword(await dummyPasswordHash(), password).then(() => false);

  if (!user || !isPasswordValid || user.disabledAt !== null) {
    const reason = user ? "wrong-password" : "unknown-address";
    // Unknown addresses are recorded without the address: the trail must not collect what people typed.
    await recordAuditEvent({
      db: client,
      event: {
        action: "auth.sign-in-failed",
        companyId: null,
        actorId: null,
        subjectUserId: user?.id ?? null,
        data: { reason },
        ipAddress,
      },
    });
    if (forAccount.remaining > 0) return { status: "invalid" };
    if (user) {
      await recordAuditEvent({
        db: client,
        event: {
          action: "auth.locked-out",
          companyId: null,
          actorId: null,
          subjectUserId: user.id,
          data: { lockedForSeconds: forAccount.windowEndsInSeconds },
          ipAddress,
        },
      });
    }
    // The attempt that locks the account already says so, with the wait time.
    return { status: "rate-limited", retryAfterSeconds: forAccount.windowEndsInSeconds };
  }

  if (ipAddress) await rateLimits.giveBack("sign-in-ip", ipAddress);
  if (user.emailVerifiedAt === null) {
    await rateLimits.giveBack("sign-in-account", email);
    await recordAuditEvent({
      db: client,
      event: {
        action: "auth.sign-in-failed",
        companyId: null,
        actorId: null,
        subjectUserId: user.id,
        data: { reason: "unverified" },
        ipAddress,
      },
    });
    return { status: "unverified" };
  }
  await rateLimits.reset("sign-in-account", email);
  await recordAuditEvent({
    db: client,
    event: { action: "auth.signed-in", companyId: null, actorId: user.id, subjectUserId: user.id, ipAddress },
  });
  return { status: "signed-in", claims: { userId: user.id, sessionVersion: user.sessionVersion }, language: user.language };
}
