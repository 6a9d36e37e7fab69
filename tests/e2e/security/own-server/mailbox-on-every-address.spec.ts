// The dev mailbox (docs/SECURITY.md, decision 015): the mailbox of an app that listens on every
// address answers only to this machine, whatever headers a request carries. It starts Next.js
// itself (one process is enough: the rule does not depend on the database), so it runs in the
// embedded project only (playwright.config.ts ignores own-server/ in the PostgreSQL project).
import { expect, test } from "@playwright/test";
import { machineAddress, rawGet, startNextDirectly, type DirectServer } from "../../support/direct-next-start";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// The mailbox page's own title (the word alone is in every page's translations).
const MAILBOX_TITLE = "Postvak · Licentieportaal";

test.describe("the mailbox of an app that listens on every address", () => {
  // One process is enough: the rule does not depend on the database.
  let server: DirectServer;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    // As the demo: mailbox transport on the embedded database (DATABASE_IS_EMBEDDED is what the launcher tells the app).
    server = await startNextDirectly({ port: E2E_PORT + 84, env: { EMAIL_TRANSPORT: "mailbox", DATABASE_IS_EMBEDDED: "true" } });
  });
  test.afterAll(async () => server?.stop());

  test("answers a browser on the machine itself", async () => {
    const response = await rawGet(`http://127.0.0.1:${server.port}/mailbox`);
    expect(response.status).toBe(200);
    expect(response.body).toContain(MAILBOX_TITLE);
  });

  test("refuses a request from another address, whatever headers it sends", async () => {
    const outside = `http://${machineAddress()}:${server.port}`;
    const spoofs: Record<string, string>[] = [
      {},
      { "X-Forwarded-For": "127.0.0.1" },
      { "X-Real-IP": "127.0.0.1", Forwarded: "for=127.0.0.1" },
      { Host: `localhost:${server.port}` },
    ];
    for (const headers of spoofs) {
      for (const path of ["/mailbox", "/mailbox/00000000-0000-4000-8000-000000000000"]) {
        const response = await rawGet(`${outside}${path}`, headers);
        expect(response.status, `${path} with ${JSON.stringify(headers)}`).toBe(404);
        expect(response.body).not.toContain(MAILBOX_TITLE);
      }
    }
  });

  test("refuses a request a proxy on this machine relays for someone else, and a page of another site name (DNS rebinding)", async () => {
    const local = `http://127.0.0.1:${server.port}`;
    // A reverse proxy on the machine connects from loopback and names the real client.
    expect((await rawGet(`${local}/mailbox`, { "X-Forwarded-For": "203.0.113.7" })).status).toBe(404);
    expect((await rawGet(`${local}/mailbox`, { Forwarded: "for=203.0.113.7" })).status).toBe(404);
    // A page of evil.example whose name resolves to 127.0.0.1 reaches the port from the victim's browser.
    expect((await rawGet(`${local}/mailbox`, { Host: `evil.example:${server.port}` })).status).toBe(404);
  });
});
