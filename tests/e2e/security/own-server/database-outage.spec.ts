// Database outages (docs/OPERATIONS.md), over HTTP: an app instance whose line to the database runs
// through a proxy the test freezes and cuts (tests/fixtures/fault-proxy.ts). While the database
// does not answer, the health check and the API answer 503 with Retry-After within their bounds, a
// page says the database is away and comes back by itself when it answers again — without a
// restart. Malformed %-escapes are a 400 problem (API) or the not-found page, never a plain-text
// 500. The instance is started here (one is enough), so this runs in the embedded project only.
import { expect, test } from "@playwright/test";
import { startFaultProxy, type FaultProxy } from "../../../fixtures/fault-proxy";
import { signIn, USER_EMAIL } from "../../support/demo";
import { startNextDirectly, type DirectServer } from "../../support/direct-next-start";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

test.describe("an instance whose database freezes and goes away", () => {
  let proxy: FaultProxy;
  let server: DirectServer;
  let base: string;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    proxy = await startFaultProxy(test.info().project.metadata.databaseUrl as string);
    server = await startNextDirectly({
      port: E2E_PORT + 86,
      env: {
        DATABASE_URL: proxy.url,
        DATABASE_IS_EMBEDDED: "true",
        DATABASE_CONNECT_TIMEOUT_MS: "1000",
        DATABASE_QUERY_TIMEOUT_MS: "2000",
      },
    });
    base = `http://127.0.0.1:${server.port}`;
  });
  test.afterAll(async () => {
    proxy?.thaw();
    await server?.stop();
    await proxy?.close();
  });

  test("frozen: health and API answer 503 with Retry-After in seconds; thawed, 200 again", async ({ request }) => {
    expect((await request.get(`${base}/api/v1/health`)).status()).toBe(200);
    proxy.freeze();
    try {
      for (const path of ["/api/v1/health", "/api/v1/signing-keys"]) {
        const started = Date.now();
        const response = await request.get(`${base}${path}`, { timeout: 15_000 });
        expect(response.status(), path).toBe(503);
        expect(response.headers()["retry-after"]).toBe("5");
        expect(response.headers()["content-type"]).toBe("application/problem+json");
        expect(((await response.json()) as { code: string }).code).toBe("DATABASE_UNAVAILABLE");
        expect(Date.now() - started, `${path} answered within its bound`).toBeLessThan(5_000);
      }
    } finally {
      proxy.thaw();
    }
    await expect.poll(async () => (await request.get(`${base}/api/v1/health`)).status(), { timeout: 15_000 }).toBe(200);
  });

  test("gone: a page says the database is away and comes back by itself; a sign-in is refused as an outage", async ({ page, request }) => {
    test.setTimeout(90_000);
    await signIn(page, USER_EMAIL, undefined, { baseUrl: base });
    await page.goto(`${base}/my-software`);
    await expect(page.getByRole("heading", { level: 1, name: "Mijn software" })).toBeVisible();

    await proxy.cut();
    try {
      const signInAnswer = await request.post(`${base}/api/v1/sessions`, {
        data: { email: USER_EMAIL, password: "irrelevant-password", client: "E2E" },
      });
      expect(signInAnswer.status()).toBe(503);
      await page.goto(`${base}/my-software`);
      await expect(page.getByRole("heading", { level: 1, name: "De database is even niet bereikbaar" })).toBeVisible();
      await expect(page.getByRole("status")).toContainText("probeert het elke 5 seconden opnieuw");
    } finally {
      await proxy.restore();
    }
    // No reload by the user: the page tries again and shows itself.
    await expect(page.getByRole("heading", { level: 1, name: "Mijn software" })).toBeVisible({ timeout: 30_000 });
  });

  test("malformed %-escapes: a 400 problem for the API, the not-found page elsewhere, never a 500", async ({ request }) => {
    for (const [method, path] of [
      ["DELETE", "/api/v1/leases/%zz"],
      ["GET", "/api/v1/%zz"],
      ["POST", "/api/v1/leases/%C3/heartbeat"],
    ] as const) {
      const response = await request.fetch(`${base}${path}`, { method });
      expect(response.status(), `${method} ${path}`).toBe(400);
      expect(response.headers()["content-type"]).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({
        code: "INVALID_REQUEST",
        errors: [{ field: "path", message: "Het adres bevat een ongeldige %-codering" }],
      });
    }
    for (const path of ["/software-management/%zz", "/%E0%A4%A", "/shop/orders/%zz/invoice"]) {
      const response = await request.get(`${base}${path}`);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).toContain("Pagina niet gevonden");
    }
  });
});
