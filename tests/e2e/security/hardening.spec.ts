// Issue 13, hole 11 (hardening), driven over HTTP and in the browser: the current-password check
// is rate limited; a client's own X-Forwarded-For does not choose the address its sign-in failures
// count against, even when Next.js is started without the launcher; the session cookie is
// __Host- on an https site at a root path; the mail server's own words never reach a browser.
// (Signing-key encryption and the unknown-kid reload throttle: tests/integration/signing/.)
import { execFileSync } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, ADMIN_EMAIL, USER_EMAIL, signIn } from "../support/demo";
import { machineAddress, startNextDirectly, type DirectServer } from "../support/direct-next-start";
import { addToDemoCompanies, registerIdentity, uniqueEmail } from "../support/identity";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

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

test.describe("an app started as plain `next start` (no launcher) on an https address", () => {
  test.skip(() => test.info().project.name !== "chromium", "runs once, on the embedded project");
  let server: DirectServer;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = await startNextDirectly({ port: E2E_PORT + 85, env: { APP_BASE_URL: `https://localhost:${E2E_PORT + 85}`, NEXTAUTH_URL: `https://localhost:${E2E_PORT + 85}` } });
  });
  test.afterAll(async () => server?.stop());

  test("a client's own X-Forwarded-For does not reset the sign-in limit of its address", async () => {
    test.setTimeout(120_000);
    // From the machine's network address, so the failures count against it and not against 127.0.0.1 (the other specs).
    const url = `http://${machineAddress()}:${server.port}/api/v1/sessions`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 53; attempt++) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${attempt}` },
        // A new address each time: the per-account lockout never comes into play.
        body: JSON.stringify({ email: `nobody-${attempt}-${Date.now()}@e2e.example`, password: "not the password at all", client: "spoofer" }),
      });
      statuses.push(response.status);
      if (response.status === 429) break;
    }
    expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // The browser's sign-in (next-auth) counts the same address, whatever it claims.
    const outside = `http://${machineAddress()}:${server.port}`;
    const csrf = await fetch(`${outside}/api/auth/csrf`, { headers: { "x-forwarded-for": "203.0.113.99" } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const browserSignIn = await fetch(`${outside}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.99", cookie: csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ") },
      body: new URLSearchParams({ csrfToken, email: `nobody-browser-${Date.now()}@e2e.example`, password: "not the password at all", json: "true" }),
    });
    expect(decodeURIComponent(JSON.stringify(await browserSignIn.json()))).toContain("RATE_LIMITED");
  });

  test("the session cookie is __Host- (Secure, Path=/, no Domain), and so is the CSRF cookie", async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = csrf.headers.getSetCookie();
    expect(csrfCookies.some((cookie) => cookie.startsWith("__Host-next-auth.csrf-token="))).toBe(true);
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.map((cookie) => cookie.split(";")[0]).join("; ") },
      body: new URLSearchParams({ csrfToken, email: USER_EMAIL, password: DEMO_PASSWORD, json: "true" }),
    });
    const session = response.headers.getSetCookie().find((cookie) => cookie.includes("next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/^__Host-next-auth\.session-token=/);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; Path=\/(;|$)/i);
    expect(session).not.toMatch(/; Domain=/i);
  });
});

/** Signs in through next-auth's credentials endpoint with the request context's cookie jar. */
async function signInOverHttp(request: APIRequestContext, email: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" }, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(400);
}
