import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { test } from "@playwright/test";

/** A new address per run and test: specs stay independent of each other and of earlier runs. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@e2e.example`;
}

/** Adds the identity to both demo companies, as the back office would (see add-to-demo-companies.ts); USER in both unless told. */
export function addToDemoCompanies(email: string, options: { belgianRole?: "USER" | "ADMIN" } = {}): void {
  // The database behind the project's server (playwright.config.ts: embedded or PostgreSQL).
  const databaseUrl = test.info().project.metadata.databaseUrl as string | undefined;
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/support/add-to-demo-companies.ts", email, options.belgianRole ?? "USER"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
    stdio: "inherit",
  });
}

/** Runs a script of tests/e2e/support/ with tsx on the project's database, or on `databaseUrl` (a spec's own); its standard output. */
export function runSupportScript(script: string, args: string[], options: { databaseUrl?: string } = {}): string {
  const databaseUrl = options.databaseUrl ?? (test.info().project.metadata.databaseUrl as string | undefined);
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  return execFileSync(process.execPath, ["--import", "tsx", `tests/e2e/support/${script}`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
}

/** A registered identity in no company yet, with the demo password (see register-identity.ts). */
export function registerIdentity(email: string, firstName: string, lastName: string, options: { databaseUrl?: string } = {}): void {
  runSupportScript("register-identity.ts", [email, firstName, lastName], options);
}

/** Activates a free node-locked license of the Dutch group 1 on a machine so named (see activate-demo-device.ts). */
export function activateDemoDevice(hostname: string): void {
  runSupportScript("activate-demo-device.ts", [hostname]);
}

/** The demo admin adds a colleague without a login to the Dutch demo company (see add-demo-contact.ts). */
export function addDemoContact(email: string, firstName: string, lastName: string, language: "nl" | "en"): void {
  runSupportScript("add-demo-contact.ts", [email, firstName, lastName, language]);
}
