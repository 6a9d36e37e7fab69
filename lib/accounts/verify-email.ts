// R10: "Activate account" uses the verification token once and sets the password (decision 017): the one
// typed at registration from the registering browser, else one the mailbox owner chooses here.
import "server-only";
import { continueToOf, resolveContinueTarget, type ContinueTarget } from "@/lib/accounts/continue-to";
import { assertAcceptablePassword } from "@/lib/accounts/password-field-errors";
import { pendingRegistrationOf } from "@/lib/accounts/pending-registration";
import { isRegisteringBrowser } from "@/lib/accounts/registration-binding";
import { CURRENT_TERMS_VERSION } from "@/lib/accounts/terms";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { consumeToken, findUsableToken } from "@/lib/auth/one-time-tokens";
import { hashPassword } from "@/lib/auth/password";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

/** Entered on the activation page in another browser than the registering one. */
export type ChosenOnActivation = { password: string; acceptTerms: boolean; language: Locale };

export type ActivationForm = { kind: "invalid" } | { kind: "one-click" } | { kind: "choose-password"; email: string };

const invalidLink = () => new DomainError("INVALID", "The activation link is invalid, used or expired", { fields: { token: "invalid" } });

/** What the activation page shows for a link, without using it (opening the link changes nothing). */
export async function describeActivation(options: {
  token: string;
  bindingSecret?: string | null;
  db?: DbClient;
  clock?: Clock;
}): Promise<ActivationForm> {
  const client = options.db ?? processDb();
  const usable = await findUsableToken({ db: client, purpose: "EMAIL_VERIFICATION", token: options.token, clock: options.clock });
  if (!usable) return { kind: "invalid" };
  if (isRegisteringBrowser(options.bindingSecret, pendingRegistrationOf(usable.data)?.bindingHash)) return { kind: "one-click" };
  const owner = await client.user.findUniqueOrThrow({ where: { id: usable.userId }, select: { email: true } });
  return { kind: "choose-password", email: owner.email };
}

export async function verifyEmail(options: {
  token: string;
  /** The registering browser's secret (its cookie), when the request carries one. */
  bindingSecret?: string | null;
  chosen?: ChosenOnActivation | null;
  db?: DbClient;
  clock?: Clock;
}): Promise<ContinueTarget> {
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  let chosenPasswordHash: string | null = null;
  if (options.chosen) {
    // Checked before the token is used, so a refused password or missing terms keep the link working.
    const usable = await findUsableToken({ db: client, purpose: "EMAIL_VERIFICATION", token: options.token, clock: options.clock });
    if (!usable) throw invalidLink();
    if (options.chosen.acceptTerms !== true)
      throw new DomainError("INVALID", "Terms not accepted", { fields: { acceptTerms: "required" } });
    const owner = await client.user.findUniqueOrThrow({ where: { id: usable.userId }, select: { email: true } });
    await assertAcceptablePassword(options.chosen.password, owner.email);
    chosenPasswordHash = await hashPassword(options.chosen.password);
  }

  return runInTransaction(options.db, async (db) => {
    const consumed = await consumeToken({ db, purpose: "EMAIL_VERIFICATION", token: options.token, clock: options.clock });
    if (!consumed) throw invalidLink();
    const registration = pendingRegistrationOf(consumed.data);
    const user = await db.user.findUniqueOrThrow({
      where: { id: consumed.userId },
      select: { emailVerifiedAt: true, firstName: true, lastName: true },
    });

    let passwordFrom: "activation" | "registration";
    if (chosenPasswordHash && options.chosen) {
      passwordFrom = "activation";
      await db.user.update({
        where: { id: consumed.userId },
        data: {
          passwordHash: chosenPasswordHash,
          emailVerifiedAt: user.emailVerifiedAt ?? now,
          termsVersion: CURRENT_TERMS_VERSION,
          termsAcceptedAt: now,
          language: options.chosen.language,
          // A new password ends the sessions made with an old one.
          sessionVersion: { increment: 1 },
        },
      });
    } else if (registration && isRegisteringBrowser(options.bindingSecret, registration.bindingHash)) {
      passwordFrom = "registration";
      const hasNames = Boolean(user.firstName || user.lastName);
      await db.user.update({
        where: { id: consumed.userId },
        data: {
          passwordHash: registration.passwordHash,
          emailVerifiedAt: user.emailVerifiedAt ?? now,
          termsVersion: registration.termsVersion,
          termsAcceptedAt: new Date(registration.termsAcceptedAt),
          language: registration.language,
          // An admin's contact details (R14) stay; a new identity takes the names it registered with.
          ...(hasNames ? {} : { firstName: registration.firstName, lastName: registration.lastName }),
          sessionVersion: { increment: 1 },
        },
      });
    } else {
      // Not the registering browser and no password chosen: the transaction rolls back, the link stays usable.
      throw new DomainError("INVALID", "Choose a password to activate the account", { fields: { password: "required" } });
    }
    await recordAuditEvent({
      db,
      event: {
        action: "account.verified",
        companyId: null,
        actorId: consumed.userId,
        subjectUserId: consumed.userId,
        data: { passwordFrom },
        at: now,
      },
    });
    return resolveContinueTarget({ db, productCode: continueToOf(consumed.data) });
  });
}
