// Email + password sign-in (R8) with the rate limits and audit trail of issue 4.
// - No enumeration: an unknown address, a wrong password and a disabled account all answer
//   "invalid", and the unknown-address path verifies a dummy hash so timing reveals nothing.
//   Only someone who knows the password learns that the account still needs activation.
// - Failed attempts count per account (also for unknown addresses, so a lockout reveals nothing)
//   and every attempt per IP; both counters are shared by all instances (lib/rate-limit).
import "server-only";
import { z } from "zod";
import { Email } from "@/lib/accounts/fields";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { defaultRateLimits, defaultRateLimitPolicies, type RateLimits } from "@/lib/rate-limit/rate-limits";

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

  // Per IP only failures count: an office whose colleagues share one address signs in all morning,
  // while a password spray from one address stops at the limit, across every account it tries.
  const ipBlockedFor = ipAddress ? await rateLimits.blockedFor("sign-in-ip", ipAddress) : null;
  if (ipBlockedFor !== null) return { status: "rate-limited", retryAfterSeconds: ipBlockedFor };
  // A locked account is not even checked: guessing stops until the window ends.
  const lockedFor = await rateLimits.blockedFor("sign-in-account", email);
  if (lockedFor !== null) return { status: "rate-limited", retryAfterSeconds: lockedFor };

  const user = await client.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, emailVerifiedAt: true, disabledAt: true, sessionVersion: true, language: true },
  });
  const isPasswordValid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await dummyPasswordHash(), password).then(() => false);

  if (!user || !isPasswordValid || user.disabledAt !== null) {
    return failedSignIn({ client, rateLimits, email, userId: user?.id ?? null, ipAddress, reason: user ? "wrong-password" : "unknown-address" });
  }
  if (user.emailVerifiedAt === null) {
    await recordAuditEvent({ db: client, event: { action: "auth.sign-in-failed", companyId: null, actorId: null, subjectUserId: user.id, data: { reason: "unverified" }, ipAddress } });
    return { status: "unverified" };
  }
  await rateLimits.reset("sign-in-account", email);
  await recordAuditEvent({ db: client, event: { action: "auth.signed-in", companyId: null, actorId: user.id, subjectUserId: user.id, ipAddress } });
  return { status: "signed-in", claims: { userId: user.id, sessionVersion: user.sessionVersion }, language: user.language };
}

async function failedSignIn(options: {
  client: DbClient;
  rateLimits: RateLimits;
  email: string;
  userId: string | null;
  ipAddress: string | null;
  reason: string;
}): Promise<SignInResult> {
  const { client, rateLimits, email, userId, ipAddress } = options;
  // Unknown addresses are recorded without the address: the trail must not collect what people typed.
  await recordAuditEvent({ db: client, event: { action: "auth.sign-in-failed", companyId: null, actorId: null, subjectUserId: userId, data: { reason: options.reason }, ipAddress } });
  if (ipAddress) await countFailureFrom(rateLimits, ipAddress);
  try {
    const { remaining } = await rateLimits.consume("sign-in-account", email);
    if (remaining > 0) return { status: "invalid" };
  } catch (error) {
    if (!isDomainError(error, "RATE_LIMITED")) throw error;
  }
  const lockedFor = (await rateLimits.blockedFor("sign-in-account", email)) ?? defaultRateLimitPolicies["sign-in-account"].durationSeconds;
  if (userId) {
    await recordAuditEvent({ db: client, event: { action: "auth.locked-out", companyId: null, actorId: null, subjectUserId: userId, data: { lockedForSeconds: lockedFor }, ipAddress } });
  }
  // The attempt that locks the account already says so, with the wait time.
  return { status: "rate-limited", retryAfterSeconds: lockedFor };
}

/** One more failure from the address; past the limit, the next attempt from it is refused (blockedFor). */
async function countFailureFrom(rateLimits: RateLimits, ipAddress: string): Promise<void> {
  try {
    await rateLimits.consume("sign-in-ip", ipAddress);
  } catch (error) {
    if (!isDomainError(error, "RATE_LIMITED")) throw error;
  }
}
