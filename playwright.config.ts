import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT moves every port this config uses (app, embedded database, PostgreSQL project), so two
// copies of the tree can run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// A fresh embedded database per run, seeded with the demo data by `npm start`. Workers load this
// file too; only the main process (no TEST_WORKER_INDEX) may remove the directory.
const dataDir = path.resolve("data", `e2e-playwright-${PORT}`);
// The embedded database listens on a fixed port so specs can seed through the domain
// (tests/e2e/support/identity.ts); workers inherit the variable.
const EMBEDDED_DB_PORT = PORT + 1;
process.env.E2E_DATABASE_URL ??= `postgresql://postgres@127.0.0.1:${EMBEDDED_DB_PORT}/postgres?sslmode=disable`;
if (process.env.TEST_WORKER_INDEX === undefined) rmSync(dataDir, { recursive: true, force: true });

// With TEST_DATABASE_URL (CI sets it), the specs run a second time against the same build on a
// PostgreSQL server: a fresh database per run (the previous run's is dropped first).
const POSTGRES_PORT = PORT + 100;
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl && process.env.TEST_WORKER_INDEX === undefined) {
  const name = `lp_e2e_run_${PORT}_${Date.now()}`;
  const sql = (statement: string) => execFileSync("psql", [serverUrl, "-qtAc", statement], { encoding: "utf8" });
  for (const stale of sql(`SELECT datname FROM pg_database WHERE datname LIKE 'lp_e2e_run_${PORT}_%'`).split("\n").filter(Boolean)) {
    sql(`DROP DATABASE IF EXISTS "${stale}" WITH (FORCE)`);
  }
  sql(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.E2E_POSTGRES_DATABASE_URL = url.toString();
}
const postgresDatabaseUrl = process.env.E2E_POSTGRES_DATABASE_URL;
// The PostgreSQL project's app delivers its mail over real SMTP, as production does, to a capture
// server that the run starts (tests/e2e/support/smtp-capture-server.ts); the specs read what
// arrived from its HTTP port (tests/e2e/support/mail.ts). The embedded project keeps the in-app
// mailbox, the demo's default.
const SMTP_CAPTURE_PORT = PORT + 150;
const SMTP_CAPTURE_HTTP_PORT = PORT + 151;
const mailCaptureUrl = `http://127.0.0.1:${SMTP_CAPTURE_HTTP_PORT}`;
const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // One embedded database behind one app: a single worker keeps runs deterministic. Two workers (the
  // embedded and the PostgreSQL project side by side) were tried on the 2-core CI machine: two apps
  // and two browsers on two cores ran 13 specs into their 30 s timeout and saved no time (46 min).
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "nl-NL",
  },
  projects: [
    {
      name: "chromium",
      // Debian's Chromium: Playwright's own browser download cannot reach its host here.
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions },
      metadata: { databaseUrl: process.env.E2E_DATABASE_URL },
      testIgnore: ["phone/**"],
    },
    {
      // Every page at a phone's width (390 px), against the embedded app.
      name: "phone",
      testMatch: ["phone/**"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, hasTouch: true, launchOptions: chromiumLaunchOptions },
      metadata: { databaseUrl: process.env.E2E_DATABASE_URL },
    },
    ...(postgresDatabaseUrl
      ? [
          {
            name: "chromium-postgres",
            // deployment.spec.ts starts its own instances on PostgreSQL already; the specs in
            // security/own-server/ start Next.js themselves, once is enough. The authorization
            // matrix asks who may call what, which no database changes: it runs once, in the
            // embedded project (half a minute). The action fuzzing runs on both.
            testIgnore: [
              "deployment.spec.ts",
              "two-instances.spec.ts",
              "security/own-server/**",
              "security/authorization-matrix.spec.ts",
              "phone/**",
            ],
            use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions, baseURL: `http://127.0.0.1:${POSTGRES_PORT}` },
            metadata: { databaseUrl: postgresDatabaseUrl, mailCaptureUrl },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: "npm start",
      url: `${baseURL}/api/v1/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { PORT: String(PORT), DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(EMBEDDED_DB_PORT), NEXT_TELEMETRY_DISABLED: "1" },
    },
    ...(postgresDatabaseUrl
      ? [
          // Listed before the app it serves: Playwright starts web servers in order and waits for
          // each, so the app's first delivery finds the mail server up.
          {
            command: "node --import tsx tests/e2e/support/smtp-capture-server.ts",
            url: `${mailCaptureUrl}/health`,
            timeout: 30_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
            env: {
              SMTP_CAPTURE_PORT: String(SMTP_CAPTURE_PORT),
              SMTP_CAPTURE_HTTP_PORT: String(SMTP_CAPTURE_HTTP_PORT),
              TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
            },
          },
          {
            command: "npm start",
            url: `http://127.0.0.1:${POSTGRES_PORT}/api/v1/health`,
            timeout: 180_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
            env: {
              PORT: String(POSTGRES_PORT),
              DATABASE_URL: postgresDatabaseUrl,
              AUTH_SECRET: "e2e-postgres-secret-e2e-postgres-secret-0123",
              // The demo accounts on a server database: `npm start` wants this said twice (decision 015).
              SEED_DEMO: "force",
              SMTP_URL: `smtp://127.0.0.1:${SMTP_CAPTURE_PORT}`,
              // Mail arrives within a second instead of the default five.
              EMAIL_WORKER_POLL_INTERVAL_MS: "250",
              DATA_DIR: path.resolve("data", `e2e-playwright-postgres-${PORT}`),
              NEXT_TELEMETRY_DISABLED: "1",
            },
          },
        ]
      : []),
  ],
});
