import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn, STAFF_EMAIL } from "./demo";

/** A new address per run and test: specs stay independent of each other and of earlier runs. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@e2e.example`;
}

/**
 * Opens the newest mail to `email` in the app's local mailbox (the embedded default delivers
 * there) and returns the path of its first link whose path is `linkPath` and which carries the
 * one-time `linkParameter` (an invitation's is `invitation`, decision 007). The outbox worker
 * sends every few seconds, so the list is reloaded until the mail is there.
 */
export async function openMailLink(page: Page, email: string, linkPath: string, linkParameter = "token"): Promise<string> {
  const linkSelector = `a[href*='${linkParameter}=']`;
  // On a production server database the mailbox is for back-office staff (lib/email/mailbox-access.ts):
  // read it in a separate, staff-signed-in context so the page under test stays signed out.
  const needsStaff = test.info().project.metadata.mailboxNeedsStaff === true;
  const context = needsStaff ? await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL }) : null;
  const reader = context ? await context.newPage() : page;
  try {
    if (context) await signIn(reader, STAFF_EMAIL);
    await expect(async () => {
      await reader.goto("/mailbox");
      await expect(reader.getByRole("row").filter({ hasText: email })).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await reader.getByRole("row").filter({ hasText: email }).getByRole("link").click();
    // The message page lists the mail's links; wait for it before reading them.
    await expect(reader.locator(linkSelector).first()).toBeAttached();
    const hrefs = await reader.locator(linkSelector).evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const href = hrefs.find((candidate) => new URL(candidate).pathname === linkPath);
    expect(href, `a ${linkPath} link in the mail`).toBeDefined();
    const url = new URL(href!);
    // The mail's links use APP_BASE_URL; the test browser stays on its own base URL.
    return `${url.pathname}${url.search}`;
  } finally {
    await context?.close();
  }
}

/** Adds the identity to both demo companies, as the back office would (see add-to-demo-companies.ts). */
export function addToDemoCompanies(email: string): void {
  // The database behind the project's server (playwright.config.ts: embedded or PostgreSQL).
  const databaseUrl = test.info().project.metadata.databaseUrl as string | undefined;
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/support/add-to-demo-companies.ts", email], {
    env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
    stdio: "inherit",
  });
}

function runSupportScript(script: string, args: string[]): void {
  const databaseUrl = test.info().project.metadata.databaseUrl as string | undefined;
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  execFileSync(process.execPath, ["--import", "tsx", `tests/e2e/support/${script}`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
    stdio: "inherit",
  });
}

/** A registered identity in no company yet, with the demo password (see register-identity.ts). */
export function registerIdentity(email: string, firstName: string, lastName: string): void {
  runSupportScript("register-identity.ts", [email, firstName, lastName]);
}

/** Activates a free node-locked license of the Dutch group 1 on a machine so named (see activate-demo-device.ts). */
export function activateDemoDevice(hostname: string): void {
  runSupportScript("activate-demo-device.ts", [hostname]);
}
