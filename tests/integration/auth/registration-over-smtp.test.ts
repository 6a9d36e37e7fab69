// Registration's whole path with real SMTP, in Dutch and in English: register → the verification mail
// arrives at an SMTP server → "Activate account" link → activate → sign in → change company.
import { afterAll, beforeAll, expect, test } from "vitest";
import { registerAccount } from "@/lib/accounts/register-account";
import { newBindingSecret } from "@/lib/accounts/registration-binding";
import { setCurrentCompany } from "@/lib/accounts/set-current-company";
import { verifyEmail } from "@/lib/accounts/verify-email";
import { signInWithPassword } from "@/lib/auth/authenticate";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createSmtpTransport } from "@/lib/email/create-smtp-transport";
import { EmailWorker } from "@/lib/email/email-worker";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { portalSessionClaims } from "../../fixtures/portal-session";
import { createTestTenant, uniqueName } from "../../fixtures/tenant";
import { startTestSmtpServer, type TestSmtpServer } from "../../setup/smtp-server";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});

const PASSWORD = "a long and private passphrase";

for (const language of ["nl", "en"] as const) {
  test(`register, read the verification mail, activate, sign in and change company (${language})`, async () => {
    const [first, second] = [await createTestTenant({ country: "NL" }), await createTestTenant({ country: "BE" })];
    const email = `${uniqueName(`smtp-${language}`)}@test.example`;
    const bindingSecret = newBindingSecret();
    await registerAccount({ email, password: PASSWORD, firstName: "Sam", lastName: "Peeters", acceptTerms: true, language, bindingSecret });

    const transport = createSmtpTransport({ url: smtp.url, from: "portal@test.example" });
    try {
      const round = await new EmailWorker({ transport, db: database.db }).runOnce();
      expect(round.sent).toBeGreaterThanOrEqual(1);
    } finally {
      await transport.close();
    }
    const mail = smtp.lastMailTo(email);
    expect(mail, "verification mail delivered").toBeDefined();
    const verifyLink = mail!.links.find((link) => new URL(link).pathname === "/verify-email");
    expect(verifyLink).toBeDefined();
    // The text and the subject are in the registration's language.
    expect(mail!.text).toContain(language === "nl" ? "Activeer account" : "Activate account");

    await verifyEmail({ token: new URL(verifyLink!).searchParams.get("token")!, bindingSecret });
    const signedIn = await signInWithPassword({ credentials: { email, password: PASSWORD } });
    expect(signedIn).toMatchObject({ status: "signed-in", language });
    if (signedIn.status !== "signed-in") return;

    // Admins add the new identity to two companies in two countries (R11, R14).
    await addCompanyMember({ actor: first.staff, companyId: first.company.id, email, role: "USER" });
    await addCompanyMember({ actor: second.staff, companyId: second.company.id, email, role: "ADMIN" });
    await setCurrentCompany({ actor: { id: signedIn.claims.userId }, companyId: second.company.id });
    const user = await getCurrentUser(await portalSessionClaims(signedIn.claims), database.db);
    expect(user?.currentMembership?.company.id).toBe(second.company.id);
    expect(user?.currentMembership?.role).toBe("ADMIN");
  });
}
