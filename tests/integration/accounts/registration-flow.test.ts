// R9, R10 end to end in the domain: register → verification mail in the outbox → activate → sign in.
import { expect, test } from "vitest";
import { registerAccount } from "@/lib/accounts/register-account";
import { newBindingSecret } from "@/lib/accounts/registration-binding";
import { resendVerification } from "@/lib/accounts/resend-verification";
import { describeActivation, verifyEmail } from "@/lib/accounts/verify-email";
import { signInWithPassword } from "@/lib/auth/authenticate";
import { fixedClock } from "@/lib/clock";
import { createRateLimits } from "@/lib/rate-limit/rate-limits";
import { ensureProductCatalogue } from "@/lib/products/ensure-product-catalogue";
import { createTestAccount, TEST_PASSWORD, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();
const PASSWORD = "correct horse battery staple";
const OWN_PASSWORD = "the owner's very own passphrase";

function newEmail(): string {
  return `${uniqueName("reg")}@test.example`;
}

async function lastMailTo(to: string) {
  return database.db.emailMessage.findFirst({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });
}

async function verificationTokenFor(to: string): Promise<string> {
  const mail = await lastMailTo(to);
  expect(mail?.template).toBe("account-verification");
  const url = new URL((mail!.payload as { verifyUrl: string }).verifyUrl);
  expect(url.pathname).toBe("/verify-email");
  return url.searchParams.get("token")!;
}

test("register → verification mail → activate → sign in; terms version and time are stored", async () => {
  const clock = fixedClock("2026-04-01T08:00:00Z");
  const email = newEmail();
  const bindingSecret = newBindingSecret();
  await registerAccount({
    email,
    password: PASSWORD,
    firstName: "Eva",
    lastName: "Jansen",
    acceptTerms: true,
    language: "en",
    bindingSecret,
    clock,
  });

  // Decision 017: until the mailbox is proven the row holds the address only.
  const user = await database.db.user.findUniqueOrThrow({ where: { email } });
  expect(user).toMatchObject({ emailVerifiedAt: null, passwordHash: null, termsVersion: null, termsAcceptedAt: null, firstName: "" });
  const mail = await lastMailTo(email);
  expect(mail).toMatchObject({
    template: "account-verification",
    locale: "en",
    userId: user.id,
    payload: { firstName: "Eva", expiresInHours: 24 },
  });

  // Only the token's hash is stored.
  const token = await verificationTokenFor(email);
  expect(token.length).toBeGreaterThanOrEqual(43);
  const stored = await database.db.token.findFirstOrThrow({ where: { userId: user.id } });
  expect(stored.tokenHash).not.toContain(token);
  expect(stored.expiresAt).toEqual(new Date("2026-04-02T08:00:00Z"));

  // Unverified: the right password is answered with "unverified", never with a session.
  expect(await signInWithPassword({ credentials: { email, password: PASSWORD } })).toEqual({ status: "unverified" });

  // From the registering browser: one click applies what was typed at registration.
  expect(await describeActivation({ token, bindingSecret, clock })).toEqual({ kind: "one-click" });
  expect(await verifyEmail({ token, bindingSecret, clock })).toEqual({ kind: "portal" });
  expect(await database.db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({
    emailVerifiedAt: new Date("2026-04-01T08:00:00Z"),
    termsVersion: expect.any(String),
    termsAcceptedAt: new Date("2026-04-01T08:00:00Z"),
    language: "en",
    firstName: "Eva",
    lastName: "Jansen",
  });
  const signedIn = await signInWithPassword({ credentials: { email, password: PASSWORD } });
  expect(signedIn).toMatchObject({ status: "signed-in", language: "en", claims: { userId: user.id } });
});

test("a registration that began from a license email continues to that software", async () => {
  await ensureProductCatalogue();
  const email = newEmail();
  const bindingSecret = newBindingSecret();
  await registerAccount({ email, password: PASSWORD, acceptTerms: true, language: "nl", continueTo: "PROFIS_ENGINEERING", bindingSecret });
  const target = await verifyEmail({ token: await verificationTokenFor(email), bindingSecret });
  expect(target).toMatchObject({ kind: "software", productName: "PROFIS Engineering", url: "/launch/profis-engineering" });
});

test("registering a registered address answers the same and sends 'account-exists' instead", async () => {
  const existing = await createTestAccount();
  const before = await database.db.user.findUniqueOrThrow({ where: { id: existing.id } });
  const result = await registerAccount({
    email: existing.email.toUpperCase(),
    password: PASSWORD,
    firstName: "Vreemd",
    acceptTerms: true,
    language: "en",
  });
  // The same answer as for a new address (no enumeration); only an invitation link activates (decision 007).
  expect(result).toEqual({ status: "VERIFICATION_SENT" });
  const mail = await lastMailTo(existing.email);
  expect(mail).toMatchObject({ template: "account-exists", userId: existing.id });
  // Nothing about the account changed: the old password still works.
  expect(await database.db.user.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(before);
  expect(await signInWithPassword({ credentials: { email: existing.email, password: TEST_PASSWORD } })).toMatchObject({
    status: "signed-in",
  });
  expect(await signInWithPassword({ credentials: { email: existing.email, password: PASSWORD } })).toEqual({ status: "invalid" });
});

test("terms must be accepted and the password must meet the policy", async () => {
  const email = newEmail();
  await expect(registerAccount({ email, password: PASSWORD, acceptTerms: false, language: "nl" })).rejects.toMatchObject({
    code: "INVALID",
    details: { fields: { acceptTerms: "required" } },
  });
  await expect(registerAccount({ email, password: "qwerty123456", acceptTerms: true, language: "nl" })).rejects.toMatchObject({
    details: { fields: { password: "common" } },
  });
  await expect(registerAccount({ email, password: email, acceptTerms: true, language: "nl" })).rejects.toMatchObject({
    details: { fields: { password: "contains-email" } },
  });
  // Common Dutch passwords are refused as the English ones are (decision 019).
  for (const guessable of ["wachtwoord12345", "Welkom123456"]) {
    await expect(registerAccount({ email, password: guessable, acceptTerms: true, language: "nl" })).rejects.toMatchObject({
      details: { fields: { password: "guessable" } },
    });
  }
  expect(await database.db.user.findUnique({ where: { email } })).toBeNull();
});

test("an expired verification link is refused; a new one can be requested", async () => {
  const clock = fixedClock("2026-04-01T08:00:00Z");
  const email = newEmail();
  const bindingSecret = newBindingSecret();
  await registerAccount({ email, password: PASSWORD, acceptTerms: true, language: "nl", bindingSecret, clock });
  const token = await verificationTokenFor(email);
  clock.advance(24 * 60 * 60 * 1000 + 1);
  await expect(verifyEmail({ token, bindingSecret, clock })).rejects.toMatchObject({ code: "INVALID" });
  // The person who registered still learns that the account waits for activation, and asks again.
  expect(await signInWithPassword({ credentials: { email, password: PASSWORD } })).toEqual({ status: "unverified" });

  await resendVerification({ email, clock });
  const fresh = await verificationTokenFor(email);
  expect(fresh).not.toBe(token);
  // The new link carries the registration over, still bound to the browser that registered.
  await expect(verifyEmail({ token: fresh, bindingSecret, clock })).resolves.toEqual({ kind: "portal" });
  expect(await signInWithPassword({ credentials: { email, password: PASSWORD } })).toMatchObject({ status: "signed-in" });
});

test("a verification link works once, also when used twice at the same moment", async () => {
  const email = newEmail();
  const bindingSecret = newBindingSecret();
  await registerAccount({ email, password: PASSWORD, acceptTerms: true, language: "nl", bindingSecret });
  const token = await verificationTokenFor(email);
  const results = await Promise.allSettled([verifyEmail({ token, bindingSecret }), verifyEmail({ token, bindingSecret })]);
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
  await expect(verifyEmail({ token, bindingSecret })).rejects.toMatchObject({ code: "INVALID" });
  expect(
    await database.db.auditEvent.count({
      where: { action: "account.verified", subjectUserId: (await database.db.user.findUniqueOrThrow({ where: { email } })).id },
    }),
  ).toBe(1);
});

test("a stranger registering an invited contact's address never sets its password: the mailbox owner chooses one (decision 017)", async () => {
  const email = newEmail();
  const contact = await database.db.user.create({ data: { email, firstName: "Invited", lastName: "Contact", language: "nl" } });
  const before = await database.db.user.findUniqueOrThrow({ where: { id: contact.id } });
  const strangersBrowser = newBindingSecret();
  await registerAccount({
    email,
    password: PASSWORD,
    firstName: "Vreemd",
    lastName: "Indringer",
    acceptTerms: true,
    language: "en",
    bindingSecret: strangersBrowser,
  });
  // Registering changed nothing on the row; the password waits in the token.
  expect(await database.db.user.findUniqueOrThrow({ where: { id: contact.id } })).toEqual(before);
  expect(await signInWithPassword({ credentials: { email, password: PASSWORD } })).toEqual({ status: "unverified" });

  // The colleague opens the mail in their own browser: no one-click, a password to choose.
  const token = await verificationTokenFor(email);
  expect(await describeActivation({ token, bindingSecret: null })).toEqual({ kind: "choose-password", email });
  expect(await describeActivation({ token, bindingSecret: newBindingSecret() })).toEqual({ kind: "choose-password", email });
  await expect(verifyEmail({ token, bindingSecret: null })).rejects.toMatchObject({
    code: "INVALID",
    details: { fields: { password: "required" } },
  });
  await expect(verifyEmail({ token, chosen: { password: OWN_PASSWORD, acceptTerms: false, language: "nl" } })).rejects.toMatchObject({
    details: { fields: { acceptTerms: "required" } },
  });
  await expect(verifyEmail({ token, chosen: { password: "qwerty123456", acceptTerms: true, language: "nl" } })).rejects.toMatchObject({
    details: { fields: { password: "common" } },
  });
  // None of the refusals used the link up.
  await verifyEmail({ token, chosen: { password: OWN_PASSWORD, acceptTerms: true, language: "nl" } });

  expect(await signInWithPassword({ credentials: { email, password: PASSWORD } })).toEqual({ status: "invalid" });
  expect(await signInWithPassword({ credentials: { email, password: OWN_PASSWORD } })).toMatchObject({
    status: "signed-in",
    language: "nl",
  });
  expect(await database.db.user.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({
    firstName: "Invited",
    lastName: "Contact",
    termsVersion: expect.any(String),
  });
  const verified = await database.db.auditEvent.findFirstOrThrow({ where: { action: "account.verified", subjectUserId: contact.id } });
  expect(verified.data).toEqual({ passwordFrom: "activation" });
});

test("a stranger registering a new address never gets in once the owner of the mailbox activates it", async () => {
  const email = newEmail();
  await registerAccount({
    email,
    password: PASSWORD,
    firstName: "Vreemd",
    lastName: "Indringer",
    acceptTerms: true,
    language: "en",
    bindingSecret: newBindingSecret(),
  });
  const token = await verificationTokenFor(email);
  await verifyEmail({ token, bindingSecret: newBindingSecret(), chosen: { password: OWN_PASSWORD, acceptTerms: true, language: "nl" } });
  expect(await signInWithPassword({ credentials: { email, password: PASSWORD } })).toEqual({ status: "invalid" });
  expect(await signInWithPassword({ credentials: { email, password: OWN_PASSWORD } })).toMatchObject({
    status: "signed-in",
    language: "nl",
  });
  expect(await database.db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ firstName: "", lastName: "" });
});

test("the contact who registers in their own browser activates in one click; the admin's contact details stay", async () => {
  const email = newEmail();
  const contact = await database.db.user.create({ data: { email, firstName: "Invited", lastName: "Contact", language: "nl" } });
  const bindingSecret = newBindingSecret();
  await registerAccount({
    email,
    password: PASSWORD,
    firstName: "Other",
    lastName: "Name",
    acceptTerms: true,
    language: "en",
    bindingSecret,
  });
  await verifyEmail({ token: await verificationTokenFor(email), bindingSecret });
  expect(await signInWithPassword({ credentials: { email, password: PASSWORD } })).toMatchObject({ status: "signed-in", language: "en" });
  expect(await database.db.user.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({
    firstName: "Invited",
    lastName: "Contact",
    termsVersion: expect.any(String),
  });
});

test("registration is rate limited per address, with the wait time", async () => {
  const rateLimits = createRateLimits({ db: database.db, policies: { "registration-email": { points: 2, durationSeconds: 60 } } });
  const email = newEmail();
  await registerAccount({ email, password: PASSWORD, acceptTerms: true, language: "nl", rateLimits });
  await registerAccount({ email, password: PASSWORD, acceptTerms: true, language: "nl", rateLimits });
  await expect(registerAccount({ email, password: PASSWORD, acceptTerms: true, language: "nl", rateLimits })).rejects.toMatchObject({
    code: "RATE_LIMITED",
    details: { retryAfterSeconds: expect.any(Number) },
  });
});
