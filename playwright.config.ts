import { rmSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;
// A fresh embedded database per run, seeded with the demo data by `npm start`. Workers load this
// file too; only the main process (no TEST_WORKER_INDEX) may remove the directory.
const dataDir = path.resolve("data", "e2e-playwright");
// The embedded database listens on a fixed port so specs can seed through the domain
// (tests/e2e/support/identity.ts); workers inherit the variable.
const EMBEDDED_DB_PORT = PORT + 1;
process.env.E2E_DATABASE_URL ??= `postgresql://postgres@127.0.0.1:${EMBEDDED_DB_PORT}/postgres?sslmode=disable`;
if (process.env.TEST_WORKER_INDEX === undefined) rmSync(dataDir, { recursive: true, force: true });

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // One embedded database behind one app: a single worker keeps runs deterministic.
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
      use: {
        ...devices["Desktop Chrome"],
        // Debian's Chromium: Playwright's own browser download cannot reach its host here.
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/v1/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT), DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(EMBEDDED_DB_PORT), NEXT_TELEMETRY_DISABLED: "1" },
  },
});
