// Helpers of the shop's spec (tests/e2e/shop.spec.ts): the database behind the project's app, and
// the purchase confirmation's "Laten we beginnen" link as the buyer reads it.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { mailCaptureUrl, newestSmtpMail } from "./mail";

/** One query against the project's database, or the one at `databaseUrl` (a spec's own). */
export async function queryDatabase<Row extends Record<string, unknown>>(
  sql: string,
  values: unknown[] = [],
  databaseUrl = test.info().project.metadata.databaseUrl as string | undefined,
): Promise<Row[]> {
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * R7: the path of the "Laten we beginnen" link in the newest purchase confirmation to `email` —
 * over SMTP where the project's app delivers so, else from the in-app mailbox, whose message page
 * shows the mail's HTML in a frame.
 */
export async function purchaseMailStartPath(page: Page, email: string): Promise<string> {
  let href: string | null;
  if (mailCaptureUrl()) {
    const mail = await newestSmtpMail(email);
    expect(mail.subject).toContain("Bevestiging van uw bestelling");
    const reader = await page.context().newPage();
    try {
      await reader.setContent(mail.html, { waitUntil: "domcontentloaded" });
      href = await reader.getByRole("link", { name: "Laten we beginnen" }).getAttribute("href");
    } finally {
      await reader.close();
    }
  } else {
    const row = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "Bevestiging van uw bestelling" });
    await expect(async () => {
      await page.goto("/mailbox");
      await expect(row).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await row.getByRole("link").click();
    href = await page.frameLocator("iframe").getByRole("link", { name: "Laten we beginnen" }).getAttribute("href");
  }
  expect(href, "a Laten we beginnen link in the purchase confirmation").toBeTruthy();
  return new URL(href!).pathname;
}

/** Decision 021: the checkout's billing address (a Dutch one unless told otherwise). */
export async function fillBillingAddress(page: Page, address: { street?: string; postalCode?: string; city?: string } = {}): Promise<void> {
  await page.getByLabel("Straat en huisnummer").fill(address.street ?? "Kanaalweg 12");
  await page.getByLabel("Postcode", { exact: true }).fill(address.postalCode ?? "3526 KL");
  await page.getByLabel("Plaats", { exact: true }).fill(address.city ?? "Utrecht");
}
