// Reading the mail the app sent, in whichever way the Playwright project's app delivers it
// (playwright.config.ts): the embedded project's in-app mailbox (/mailbox, the demo's default),
// or, where the project's metadata names a mailCaptureUrl, real SMTP into the run's capture
// server (tests/e2e/support/smtp-capture-server.ts). Either way the mail's HTML is looked at in a
// page, so the specs find its links as a reader would.
import { expect, test, type Page } from "@playwright/test";
import type { CapturedMail } from "./smtp-capture-server";

/** The capture server's HTTP endpoint when this project's app delivers over SMTP, else undefined. */
export function mailCaptureUrl(): string | undefined {
  const url = test.info().project.metadata.mailCaptureUrl;
  return typeof url === "string" ? url : undefined;
}

/**
 * The newest mail to `email` that the capture server received over SMTP. The outbox worker
 * delivers within a poll interval, so the endpoint is asked again until the mail is there.
 */
export async function newestSmtpMail(email: string): Promise<CapturedMail> {
  const captureUrl = mailCaptureUrl();
  if (!captureUrl)
    throw new Error(`the project "${test.info().project.name}" does not deliver over SMTP (playwright.config.ts: metadata.mailCaptureUrl)`);
  let mails: CapturedMail[] = [];
  await expect
    .poll(
      async () => {
        const response = await fetch(`${captureUrl}/messages?to=${encodeURIComponent(email)}`);
        mails = (await response.json()) as CapturedMail[];
        return mails.length;
      },
      { message: `a mail to ${email} over SMTP`, timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  return mails.at(-1)!;
}

/**
 * Opens the newest mail to `email` and returns the path of its first link whose path is
 * `linkPath` and which carries the one-time `linkParameter` (an invitation's is `invitation`,
 * decision 007). The mail's links use APP_BASE_URL; the test browser stays on its own base URL.
 */
export async function openMailLink(page: Page, email: string, linkPath: string, linkParameter = "token"): Promise<string> {
  const linkSelector = `a[href*='${linkParameter}=']`;
  if (mailCaptureUrl()) return readSmtpHtml(page, email, (reader) => linkPathIn(reader, linkSelector, linkPath));
  await openInMailbox(page, email);
  return linkPathIn(page, linkSelector, linkPath);
}

/**
 * The visible text of the newest mail to `email`, as its reader sees the HTML part: over SMTP the
 * HTML as it arrived, in the in-app mailbox the sandboxed frame the mailbox shows it in.
 */
export async function newestMailText(page: Page, email: string): Promise<string> {
  if (mailCaptureUrl()) return readSmtpHtml(page, email, (reader) => reader.locator("body").innerText());
  await openInMailbox(page, email);
  return page.frameLocator("iframe").locator("body").innerText();
}

/** The newest mail's HTML part as it arrived over SMTP, in a page of its own so the page under test keeps its state. */
async function readSmtpHtml<T>(page: Page, email: string, read: (reader: Page) => Promise<T>): Promise<T> {
  const mail = await newestSmtpMail(email);
  const reader = await page.context().newPage();
  try {
    await reader.setContent(mail.html, { waitUntil: "domcontentloaded" });
    return await read(reader);
  } finally {
    await reader.close();
  }
}

/** Opens the mail to `email` in the in-app mailbox; the worker writes there every few seconds, so the list is reloaded until it is there. */
async function openInMailbox(page: Page, email: string): Promise<void> {
  await expect(async () => {
    await page.goto("/mailbox");
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("row").filter({ hasText: email }).getByRole("link").click();
}

async function linkPathIn(page: Page, linkSelector: string, linkPath: string): Promise<string> {
  await expect(page.locator(linkSelector).first()).toBeAttached();
  const hrefs = await page.locator(linkSelector).evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => new URL(candidate).pathname === linkPath);
  expect(href, `a ${linkPath} link in the mail`).toBeDefined();
  const url = new URL(href!);
  return `${url.pathname}${url.search}`;
}
