import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

/** A new address per run and test: specs stay independent of each other and of earlier runs. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@e2e.example`;
}

/**
 * Opens the newest mail to `email` in the app's local mailbox (the embedded default delivers
 * there) and returns the path of its first link whose path is `linkPath`. The outbox worker
 * sends every few seconds, so the list is reloaded until the mail is there.
 */
export async function openMailLink(page: Page, email: string, linkPath: string): Promise<string> {
  await expect(async () => {
    await page.goto("/mailbox");
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("row").filter({ hasText: email }).getByRole("link").click();
  const hrefs = await page.locator("a[href*='token=']").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => new URL(candidate).pathname === linkPath);
  expect(href, `a ${linkPath} link in the mail`).toBeDefined();
  const url = new URL(href!);
  // The mail's links use APP_BASE_URL; the test browser stays on its own base URL.
  return `${url.pathname}${url.search}`;
}

/** Adds the identity to both demo companies, as the back office would (see add-to-demo-companies.ts). */
export function addToDemoCompanies(email: string): void {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set (playwright.config.ts sets it)");
  execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/support/add-to-demo-companies.ts", email], {
    env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
    stdio: "inherit",
  });
}
