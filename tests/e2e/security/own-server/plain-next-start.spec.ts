// Hardening (docs/SECURITY.md, decision 015): an app started as plain `next start` (no launcher) on
// an https address — a client's own X-Forwarded-For does not choose the address its failures count
// against, and the session cookie is __Host-. It starts Next.js itself, so it runs in the embedded
// project only (playwright.config.ts ignores own-server/ in the PostgreSQL project).
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USER_EMAIL } from "../../support/demo";
import { machineAddress, startNextDirectly, type DirectServer } from "../../support/direct-next-start";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

test.describe("an app started as plain `next start` (no launcher) on an https address", () => {
  let server: DirectServer;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = await startNextDirectly({
      port: E2E_PORT + 85,
      env: { APP_BASE_URL: `https://localhost:${E2E_PORT + 85}`, NEXTAUTH_URL: `https://localhost:${E2E_PORT + 85}` },
    });
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
        body: JSON.stringify({
          email: `nobody-${attempt}-${Date.now()}@e2e.example`,
          password: "not the password at all",
          client: "spoofer",
        }),
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
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": "203.0.113.99",
        cookie: csrf.headers
          .getSetCookie()
          .map((cookie) => cookie.split(";")[0])
          .join("; "),
      },
      body: new URLSearchParams({
        csrfToken,
        email: `nobody-browser-${Date.now()}@e2e.example`,
        password: "not the password at all",
        json: "true",
      }),
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
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrfCookies.map((cookie) => cookie.split(";")[0]).join("; "),
      },
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
