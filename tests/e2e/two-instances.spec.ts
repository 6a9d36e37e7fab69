// Two app instances on one PostgreSQL database behind a real reverse proxy (nginx
// from Debian, started here), as a vendor runs them. Whichever instance answers, a browser signs
// in and stays signed in, the account lockout counts every attempt, a grid save is seen by both and
// a stale one refused by either (R26), concurrent lease requests take exactly the seats there are
// (R25), and a mail sent over SMTP links to the proxy. The instances run on E2E_PORT + 87/88,
// nginx on + 89, the mail server on a free port.
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { spawnNginx } from "../fixtures/nginx";
import { startTestSmtpServer, type TestSmtpServer } from "../setup/smtp-server";
import { ADMIN_EMAIL, chooseCompany, DEMO_PASSWORD, DUTCH_COMPANY, signIn, USER_EMAIL } from "./support/demo";
import { saveAndConfirm } from "./support/grid";
import { registerIdentity, runSupportScript, uniqueEmail } from "./support/identity";
import { launch, stop, waitForHealth, type Launcher } from "./support/launcher";
import { queryDatabase as queryProjectDatabase } from "./support/shop";

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const [firstPort, secondPort, proxyPort] = [87, 88, 89].map((offset) => Number(process.env.E2E_PORT ?? 3100) + offset) as [
  number,
  number,
  number,
];
const base = `http://127.0.0.1:${proxyPort}`;

test.describe.configure({ mode: "serial" });

let directory: string;
let database: string;
let databaseUrl: string;
let smtp: TestSmtpServer | null = null;
let instances: Launcher[] = [];
let nginx: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  directory = await mkdtemp(path.join(os.tmpdir(), "lp-e2e-nginx-"));
  database = `lp_e2e_nginx_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
  // Each instance runs the outbox worker (instrumentation.ts) and delivers to this mail server, within a quarter second.
  smtp = await startTestSmtpServer();
  const env = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "e2e-two-instances-secret-0123456789abcdef",
    SEED_DEMO: "force",
    TRUST_PROXY: "true",
    APP_BASE_URL: base,
    SMTP_URL: smtp.url,
    EMAIL_WORKER_POLL_INTERVAL_MS: "250",
    // The lease race sends 60 requests at once; every one must reach the seat statement, not the load shedding.
    API_MAX_IN_FLIGHT: "100",
  };
  instances = [launch({ ...env, PORT: String(firstPort) }), launch({ ...env, PORT: String(secondPort) })];
  await Promise.all([waitForHealth(firstPort, instances[0]!), waitForHealth(secondPort, instances[1]!)]);

  // Round robin over both; the answering instance is named in a header, so the test can tell.
  const proxy = await spawnNginx({ directory, upstreamPorts: [firstPort, secondPort], listenPort: proxyPort, workerConnections: 256 });
  nginx = proxy;
  let output = "";
  proxy.stderr!.on("data", (chunk) => (output += chunk));
  await expect
    .poll(async () => (await fetch(`${base}/api/v1/health`).catch(() => null))?.status ?? 0, {
      timeout: 15_000,
      message: `nginx: ${output}`,
    })
    .toBe(200);
});

test.afterAll(async () => {
  nginx?.kill("SIGQUIT");
  await Promise.all(instances.map(stop));
  await smtp?.close();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  await rm(directory, { recursive: true, force: true });
});

/** One query against this spec's own database. */
const queryDatabase = <Row extends Record<string, unknown>>(sql: string, values: unknown[] = []) =>
  queryProjectDatabase<Row>(sql, values, databaseUrl);

async function upstreamsOf(requests: number, path = "/api/v1/health"): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let index = 0; index < requests; index++) seen.add((await fetch(`${base}${path}`)).headers.get("x-upstream") ?? "");
  return seen;
}

test("both instances answer through nginx", async () => {
  expect(await upstreamsOf(6)).toEqual(new Set([`127.0.0.1:${firstPort}`, `127.0.0.1:${secondPort}`]));
});

test("a browser signs in and stays signed in whichever instance answers each page", async ({ page }) => {
  await signIn(page, USER_EMAIL, undefined, { baseUrl: base });
  const answeredBy = new Set<string>();
  for (let index = 0; index < 6; index++) {
    const response = await page.goto(`${base}/my-software`);
    answeredBy.add(response?.headers()["x-upstream"] ?? "");
    await expect(page.getByRole("heading", { level: 1, name: "Mijn software" })).toBeVisible();
  }
  expect(answeredBy.size).toBe(2);
});

test("the account lockout counts attempts on both instances: once the limit is reached every instance refuses", async ({ request }) => {
  test.setTimeout(60_000);
  // An account of its own: the demo admin stays free to sign in for the grid test, in whichever order they run.
  const email = uniqueEmail("nginx-lockout");
  registerIdentity(email, "Gesloten", "Deur", { databaseUrl });
  const attempt = (password: string) => request.post(`${base}/api/v1/sessions`, { data: { email, password, client: "E2E nginx" } });
  // The per-account limit ("sign-in-account" in lib/rate-limit/rate-limits.ts, a server-only
  // module): 5 attempts, the last of which locks, so four wrong passwords are answered 401.
  const points = 5;
  const answers: { status: number; upstream: string }[] = [];
  for (let index = 0; index < points; index++) {
    const response = await attempt(`wrong-password-${index}`);
    answers.push({ status: response.status(), upstream: response.headers()["x-upstream"] ?? "" });
  }
  expect(answers.map((answer) => answer.status)).toEqual([...Array<number>(points - 1).fill(401), 429]);
  expect(new Set(answers.map((answer) => answer.upstream)).size).toBe(2);
  // Locked now, on either instance — even with the right password.
  for (let index = 0; index < 2; index++) {
    const locked = await attempt(DEMO_PASSWORD);
    expect(locked.status()).toBe(429);
    expect(((await locked.json()) as { code: string }).code).toBe("RATE_LIMITED");
  }
});

const GROUP = "Licentiegroep 1";
const NAMED = "PROFIS Engineering Named user";
const FLOATING = "PROFIS Engineering Multi-user (floating)";
const instanceBases = [firstPort, secondPort].map((port) => `http://127.0.0.1:${port}`);
const grid = (page: Page) => page.getByRole("grid");
const gerritsBox = (page: Page, license: string) =>
  grid(page).getByRole("checkbox", { name: `${license} toewijzen aan Gerrit Kramer`, exact: true });

/** Opens the Dutch group 1 at `origin` (nginx or one instance) with Gerrit Kramer searched for; the page's path. */
async function openGroup(page: Page, origin: string, groupPath?: string): Promise<string> {
  if (groupPath) {
    await page.goto(`${origin}${groupPath}`);
    await expect(page).toHaveURL(`${origin}${groupPath}`);
  } else {
    await chooseCompany(page, DUTCH_COMPANY, "Nederland", { baseUrl: origin });
    await page.goto(`${origin}/software-management`);
    await page.getByRole("link", { name: GROUP, exact: true }).click();
    await expect(page).toHaveURL(/\/software-management\/[0-9a-f-]{36}$/);
  }
  await expect(grid(page)).toBeVisible();
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("gerrit kramer");
  await expect(gerritsBox(page, NAMED)).toBeVisible();
  return new URL(page.url()).pathname;
}

test("R16/R26: a grid save through nginx is seen on both instances; a save from a stale view is refused on either", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN_EMAIL, undefined, { baseUrl: base });
  const groupPath = await openGroup(page, base);
  // Cookies are per host, not per port: the session signed in through nginx is the same on each instance's own port.
  const staleViews: Page[] = [];
  for (const origin of instanceBases) {
    const view = await page.context().newPage();
    await openGroup(view, origin, groupPath);
    staleViews.push(view);
  }

  await expect(gerritsBox(page, NAMED)).toHaveAttribute("aria-checked", "false");
  await gerritsBox(page, NAMED).click();
  const saveAnswer = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined,
  );
  await saveAndConfirm(page, "1 nieuwe toegewezen licentie");
  expect([`127.0.0.1:${firstPort}`, `127.0.0.1:${secondPort}`]).toContain((await saveAnswer).headers()["x-upstream"]);

  for (const origin of instanceBases) {
    const view = await page.context().newPage();
    await openGroup(view, origin, groupPath);
    await expect(gerritsBox(view, NAMED)).toHaveAttribute("aria-checked", "true");
    await expect(gerritsBox(view, NAMED).locator("xpath=..")).not.toContainText("nieuw");
    await view.close();
  }

  // The views opened before the save still hold the old group version: each instance refuses their save.
  for (const view of staleViews) {
    await gerritsBox(view, FLOATING).click();
    await view.getByRole("button", { name: "Opslaan", exact: true }).click();
    await view.getByRole("dialog").getByRole("button", { name: "Ja" }).click();
    await expect(view.getByRole("alert").filter({ hasText: "Iemand anders heeft deze licentiegroep intussen gewijzigd" })).toBeVisible();
    await expect(gerritsBox(view, NAMED)).toHaveAttribute("aria-checked", "true");
    await view.close();
  }
  // Only the first save was written: Gerrit holds the named license of the group and nothing else.
  const held = await queryDatabase<{ type: string }>(
    `SELECT l."type"::text AS "type" FROM "Assignment" a JOIN "User" u ON u."id" = a."userId" JOIN "License" l ON l."id" = a."licenseId"
     WHERE u."firstName" = 'Gerrit' AND u."lastName" = 'Kramer' AND a."revokedAt" IS NULL AND l."groupId" = $1`,
    [groupPath.split("/").at(-1)],
  );
  expect(held).toEqual([{ type: "NAMED_USER" }]);
});

test("R25: concurrent lease requests through nginx from several API sessions take exactly the seats there are", async () => {
  test.setTimeout(120_000);
  const seats = 3;
  const { licenseId, emails, fingerprints } = JSON.parse(
    runSupportScript("seed-lease-race.ts", [String(seats), "5", "12"], { databaseUrl }),
  ) as {
    licenseId: string;
    emails: string[];
    fingerprints: string[][];
  };
  const tokens: string[] = [];
  for (const email of emails) {
    const session = await fetch(`${base}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: DEMO_PASSWORD, client: "E2E nginx race" }),
    });
    expect(session.status).toBe(201);
    tokens.push(((await session.json()) as { accessToken: string }).accessToken);
  }

  // Every machine of every user asks at once: 60 requests for 3 seats, spread by nginx over both instances.
  const requests = fingerprints.flatMap((machines, user) => machines.map((fingerprint) => ({ token: tokens[user]!, fingerprint })));
  const answers = await Promise.all(
    requests.map(async ({ token, fingerprint }) => {
      const response = await fetch(`${base}/api/v1/leases`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ licenseId, fingerprint }),
      });
      return {
        status: response.status,
        type: response.headers.get("content-type") ?? "",
        upstream: response.headers.get("x-upstream") ?? "",
        body: (await response.json()) as Record<string, unknown>,
      };
    }),
  );

  const statuses = answers.reduce<Record<number, number>>(
    (counts, answer) => ({ ...counts, [answer.status]: (counts[answer.status] ?? 0) + 1 }),
    {},
  );
  expect(statuses).toEqual({ 201: seats, 409: requests.length - seats });
  for (const refusal of answers.filter((answer) => answer.status === 409)) {
    expect(refusal.type).toContain("application/problem+json");
    expect(refusal.body).toMatchObject({ code: "NO_SEAT_AVAILABLE", seats });
  }
  expect(new Set(answers.map((answer) => answer.upstream))).toEqual(new Set([`127.0.0.1:${firstPort}`, `127.0.0.1:${secondPort}`]));
  const leases = await queryDatabase<{ live: number; all: number }>(
    `SELECT count(*) FILTER (WHERE "releasedAt" IS NULL AND "expiresAt" > now())::int AS live, count(*)::int AS all FROM "FloatingLease" WHERE "licenseId" = $1`,
    [licenseId],
  );
  expect(leases).toEqual([{ live: seats, all: seats }]);
});

test("R10: a password reset asked for through nginx arrives once over SMTP, links to nginx, and its link works there", async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("nginx-reset");
  registerIdentity(email, "Rosa", "Omweg", { databaseUrl });
  await page.goto(`${base}/forgot-password`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur resetlink" }).click();
  await expect(page.getByRole("heading", { name: "Controleer uw e-mail" })).toBeVisible();

  await expect.poll(() => smtp!.allMailTo(email).length, { message: `a mail to ${email} over SMTP`, timeout: 30_000 }).toBeGreaterThan(0);
  const mail = smtp!.lastMailTo(email)!;
  // The HTML button and the plain-text link alike carry the public address: nginx, not the instance that sent it.
  const resetLinks = mail.links.filter((link) => new URL(link).pathname === "/reset-password");
  expect(resetLinks.length).toBeGreaterThan(0);
  for (const link of resetLinks) expect(new URL(link).origin).toBe(base);

  const password = "Omweg-Via-Nginx-Proxy-2026!";
  await page.goto(resetLinks[0]!);
  await page.getByLabel("Nieuw wachtwoord").fill(password);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByRole("heading", { name: "Wachtwoord gewijzigd" })).toBeVisible();
  await signIn(page, email, password, { baseUrl: base });
  // Both instances' workers polled all along; the outbox claim let one of them send it (decision 005).
  expect(smtp!.allMailTo(email)).toHaveLength(1);
});
