// R9, R10: self-registration, answered alike whether or not the address has an account (no enumeration, the
// same work on both paths). What was typed waits in the verification token (decision 017); only a valid
// invitation token activates at once (decision 007).
import "server-only";
import type { Prisma } from "@prisma/client";
import { continueToOf, resolveContinueTarget, type ContinueTarget, type ContinueToProduct } from "@/lib/accounts/continue-to";
import { Email, FirstName, LastName, Locale } from "@/lib/accounts/fields";
import { assertAcceptablePassword } from "@/lib/accounts/password-field-errors";
import type { PendingRegistration } from "@/lib/accounts/pending-registration";
import { bindingHashOf } from "@/lib/accounts/registration-binding";
import { CURRENT_TERMS_VERSION } from "@/lib/accounts/terms";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { consumeToken, findUsableToken, issueToken, VERIFICATION_TOKEN_TTL_MS } from "@/lib/auth/one-time-tokens";
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
import { z } from "zod";

export type RegisterAccountOptions = {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
  /** R9: must be true. */
  acceptTerms: boolean;
  language: LocaleValue;
  /** Registration that began from a license email continues to that software (R10). */
  continueTo?: ContinueToProduct | null;
  /** R17: an invitation link's token (decision 007). */
  invitationToken?: string | null;
  /** Decision 017: the registering browser's secret (its cookie); only its hash is stored. */
  bindingSecret?: string | null;
  ipAddress?: string | null;
  db?: DbClient;
  clock?: Clock;
  rateLimits?: RateLimits;
};

/** ACTIVATED only for the holder of a valid invitation token of the address. */
export type RegistrationOutcome = { status: "VERIFICATION_SENT" } | { status: "ACTIVATED"; continueTo: ContinueTarget };

type ExistingUser = { id: string; firstName: string; language: LocaleValue; emailVerifiedAt: Date | null; passwordHash: string | null };
/** What every branch of a registration works with, checked and hashed once. */
type Registration = {
  email: string;
  language: LocaleValue;
  firstName: string;
  lastName: string;
  passwordHash: string;
  tokenData: Prisma.InputJsonObject;
  now: Date;
};

export async function registerAccount(options: RegisterAccountOptions): Promise<RegistrationOutcome> {
  const registration = await checkedRegistration(options);
  try {
    return await runInTransaction(options.db, async (db): Promise<RegistrationOutcome> => {
      const existing = await db.user.findUnique({
        where: { email: registration.email },
        select: { id: true, firstName: true, language: true, emailVerifiedAt: true, passwordHash: true },
      });
      const isRegistered = Boolean(existing?.emailVerifiedAt && existing.passwordHash);
      if (existing && !isRegistered && options.invitationToken) {
        const activated = await activateByInvitation({ db, existing, registration, invitationToken: options.invitationToken, options });
        // An old, used or foreign invitation link: the ordinary path below, with a verification mail.
        if (activated) return activated;
      }
      if (existing && isRegistered) return tellOwnerAccountExists(db, existing, registration.email);
      return sendVerification({ db, existing, registration, ipAddress: options.ipAddress ?? null, clock: options.clock });
    });
  } catch (error) {
    // Two registrations of one new address at once: the other created the user and sent the mail.
    if (isUniqueViolation(error)) return { status: "VERIFICATION_SENT" };
    throw error;
  }
}

/** Validates what was typed, applies the rate limits and hashes the password, before any transaction. */
async function checkedRegistration(options: RegisterAccountOptions): Promise<Registration> {
  const email = Email.safeParse(options.email);
  if (!email.success) throw new DomainError("INVALID", "Invalid email", { fields: { email: "invalid" } });
  if (options.acceptTerms !== true) throw new DomainError("INVALID", "Terms not accepted", { fields: { acceptTerms: "required" } });
  const language = Locale.parse(options.language);
  const firstName = FirstName.safeParse(options.firstName ?? "").data ?? "";
  const lastName = LastName.safeParse(options.lastName ?? "").data ?? "";
  await assertAcceptablePassword(options.password, email.data);

  const rateLimits = options.rateLimits ?? defaultRateLimits();
  if (options.ipAddress) await rateLimits.consume("registration-ip", options.ipAddress);
  await rateLimits.consume("registration-email", email.data);

  const passwordHash = await hashPassword(options.password);
  const now = (options.clock ?? systemClock).now();
  const pending: PendingRegistration = {
    passwordHash,
    firstName,
    lastName,
    language,
    termsVersion: CURRENT_TERMS_VERSION,
    termsAcceptedAt: now.toISOString(),
    ...(options.bindingSecret ? { bindingHash: bindingHashOf(options.bindingSecret) } : {}),
  };
  const tokenData: Prisma.InputJsonObject = { ...(options.continueTo ? { continueTo: options.continueTo } : {}), registration: pending };
  return { email: email.data, language, firstName, lastName, passwordHash, tokenData, now };
}

/** A valid invitation token of the address activates at once, with what was typed; null when it is not valid. */
async function activateByInvitation(context: {
  db: DbClient;
  existing: ExistingUser;
  registration: Registration;
  invitationToken: string;
  options: RegisterAccountOptions;
}): Promise<RegistrationOutcome | null> {
  const { db, existing, registration, options } = context;
  const { now, language, passwordHash } = registration;
  const invited = await acceptInvitation({
    db,
    userId: existing.id,
    token: context.invitationToken,
    passwordHash,
    now,
    clock: options.clock,
  });
  if (!invited) return null;
  const name = existing.firstName ? {} : { firstName: registration.firstName, lastName: registration.lastName };
  await db.user.update({
    where: { id: existing.id },
    data: { termsVersion: CURRENT_TERMS_VERSION, termsAcceptedAt: now, language, ...name },
  });
  for (const action of ["account.registered", "account.verified"] as const) {
    await recordAuditEvent({
      db,
      event: {
        action,
        companyId: invited.companyId,
        actorId: existing.id,
        subjectUserId: existing.id,
        ipAddress: options.ipAddress ?? null,
        at: now,
      },
    });
  }
  return {
    status: "ACTIVATED",
    continueTo: await resolveContinueTarget({ db, productCode: invitedContinueTo(invited.data, options.continueTo ?? undefined) }),
  };
}

/** Registered already: tell the owner of the address, change nothing. */
async function tellOwnerAccountExists(db: DbClient, existing: ExistingUser, email: string): Promise<RegistrationOutcome> {
  await enqueueEmail({
    db,
    template: "account-exists",
    to: email,
    locale: existing.language,
    payload: { firstName: existing.firstName, signInUrl: absoluteUrl("/sign-in"), resetUrl: absoluteUrl("/forgot-password") },
    userId: existing.id,
  });
  return { status: "VERIFICATION_SENT" };
}

/** What was typed waits in the verification token; whoever typed it may not own the mailbox. */
async function sendVerification(context: {
  db: DbClient;
  existing: ExistingUser | null;
  registration: Registration;
  ipAddress: string | null;
  clock?: Clock;
}): Promise<RegistrationOutcome> {
  const { db, existing, registration } = context;
  // A new address gets a row with its email only.
  const userId = existing ? existing.id : (await db.user.create({ data: { email: registration.email }, select: { id: true } })).id;
  const { token } = await issueToken({
    db,
    purpose: "EMAIL_VERIFICATION",
    userId,
    ttlMs: VERIFICATION_TOKEN_TTL_MS,
    data: registration.tokenData,
    clock: context.clock,
  });
  await enqueueEmail({
    db,
    template: "account-verification",
    to: registration.email,
    locale: registration.language,
    payload: {
      firstName: existing?.firstName || registration.firstName,
      verifyUrl: absoluteUrl(`/verify-email?token=${token}`),
      expiresInHours: 24,
    },
    userId,
  });
  await recordAuditEvent({
    db,
    event: {
      action: "account.registered",
      companyId: null,
      actorId: userId,
      subjectUserId: userId,
      ipAddress: context.ipAddress,
      at: registration.now,
    },
  });
  return { status: "VERIFICATION_SENT" };
}

/** The software whose button was clicked in the invitation when it covers it, else the invitation's first. */
function invitedContinueTo(data: Prisma.JsonValue, asked: ContinueToProduct | undefined): ContinueToProduct | null {
  const invited = z.object({ productCodes: z.array(z.string()) }).safeParse(data);
  if (asked && invited.success && invited.data.productCodes.includes(asked)) return asked;
  return continueToOf(data) ?? asked ?? null;
}

/** Decision 007: the link proves the mailbox of the address typed, so the identity is verified at once. */
async function acceptInvitation(options: {
  db: DbClient;
  userId: string;
  token: string;
  passwordHash: string;
  now: Date;
  clock?: Clock;
}): Promise<{ companyId: string | null; data: Prisma.JsonValue } | null> {
  const { db } = options;
  const usable = await findUsableToken({ db, purpose: "INVITATION", token: options.token, clock: options.clock });
  if (!usable || usable.userId !== options.userId) return null;
  const consumed = await consumeToken({ db, purpose: "INVITATION", token: options.token, clock: options.clock });
  if (!consumed) return null;
  await db.user.update({
    where: { id: options.userId },
    // A password set here ends any session an earlier, unverified password might have made.
    data: { passwordHash: options.passwordHash, emailVerifiedAt: options.now, sessionVersion: { increment: 1 } },
  });
  const companyId =
    typeof (consumed.data as { companyId?: unknown } | null)?.companyId === "string"
      ? (consumed.data as { companyId: string }).companyId
      : null;
  return { companyId, data: consumed.data };
}
