import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";

/** People holding the license, seeded through the domain (see seed-license-assignees.ts); their emails. */
export function seedLicenseAssignees(licenseId: string, count: number): string[] {
  const databaseUrl = test.info().project.metadata.databaseUrl as string | undefined;
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", "tests/e2e/support/seed-license-assignees.ts", licenseId, String(count)],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
      encoding: "utf8",
    },
  );
  return JSON.parse(output) as string[];
}

export type CapturedAction = { url: string; headers: Record<string, string>; body: string };

/**
 * Runs `trigger` (a form submit) and captures the server action request it sends, without letting
 * it reach the server: its URL, the Next-Action header and the body, to replay with another session.
 */
export async function captureServerAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | null = null;
  await page.route("**/*", async (route) => {
    const request = route.request();
    const headers = request.headers();
    if (request.method() === "POST" && headers["next-action"] && !captured) {
      captured = {
        url: request.url(),
        headers: {
          "next-action": headers["next-action"],
          "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
          accept: "text/x-component",
        },
        body: request.postData() ?? "",
      };
      await route.abort();
      return;
    }
    await route.continue();
  });
  await trigger();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/*");
  return captured!;
}
