// Hardening (docs/SECURITY.md), driven over HTTP and in the browser: the current-password check
// is rate limited; a client's own X-Forwarded-For does not choose the address its sign-in failures
// count against, even when Next.js is started without the launcher, and the session cookie is
// __Host- on an https site at a root path (both in own-server/plain-next-start.spec.ts); the mail
// server's own words never reach a browser.
// (Signing-key encryption and the unknown-kid reload throttle: tests/integration/signing/.)
import { execFileSync } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, ADMIN_EMAIL, signIn } from "../support/demo";
import { addToDemoCompanies, registerIdentity, uniqueEmail } from "../support/identity";

test("the current password on the profile page: wrong guesses are stopped with “too many attempts”", async ({ page }) => {
  const email = uniqueEmail("password-guesser");
  registerIdentity(email, "Paula", "Raden");
  addToDemoCompanies(email);
  await signIn(page, email);
  await page.goto("/profile");
  const form = page.locator("form").filter({ has: page.getByLabel("Huidig wachtwoord") });
  let lastAlert = "";
  for (let attempt = 1; attempt <= 8 && !lastAlert.includes("Te veel pogingen"); attempt++) {
    await form.getByLabel("Huidig wachtwoord").fill(`wrong guess ${attempt} of the password`);
    await form.getByLabel("Nieuw wachtwoord").fill("an entirely new passphrase 2026");
    await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
    await expect(form.getByRole("button", { name: "Wachtwoord wijzigen" })).toBeEnabled();
    lastAlert = (await form.getByRole("alert").allTextContents()).join(" ") + (await form.textContent());
  }
  expect(lastAlert).toContain("Te veel pogingen");
  // Even the right password is not checked until the wait is over.
  await form.getByLabel("Huidig wachtwoord").fill(DEMO_PASSWORD);
  await form.getByLabel("Nieuw wachtwoord").fill("an entirely new passphrase 2026");
  await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(form).toContainText("Te veel pogingen");
  await expect(form).not.toContainText("Uw wachtwoord is gewijzigd");
});

test("the mail server's answer to a failed invitation never reaches the admin's browser", async ({ request }) => {
  const databaseUrl = test.info().project.metadata.databaseUrl as string;
  const serverAnswer = "550 5.7.1 relay denied by mx-07.internal-secret.example for 10.20.30.40";
  const email = uniqueEmail("unreachable");
  const { groupId } = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/support/seed-failed-invitation.ts", email, serverAnswer], {
      env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
      encoding: "utf8",
    }),
  ) as { groupId: string };
  await signInOverHttp(request, ADMIN_EMAIL);
  const page = await request.get(`/software-management/${groupId}`);
  expect(page.status()).toBe(200);
  const html = await page.text();
  // The row is there, with the generic "delivery failed" label …
  expect(html).toContain(email);
  expect(html).toContain("Bezorging mislukt");
  // … but not the mail server's words, neither on the page nor in the data it streams.
  expect(html).not.toContain("internal-secret.example");
  expect(html).not.toContain("10.20.30.40");
});

/** Signs in through next-auth's credentials endpoint, as the browser's form does. */
async function signInOverHttp(request: APIRequestContext, email: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(400);
}
