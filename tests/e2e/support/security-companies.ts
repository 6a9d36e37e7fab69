import { execFileSync } from "node:child_process";
import { test } from "@playwright/test";

export type SelfMadeCompany = { companyId: string; groupId: string };
export type StaffMadeCompany = { companyId: string; companyName: string; groupId: string; licenseId: string; activationKey: string };

function seed<T>(args: string[]): T {
  const databaseUrl = test.info().project.metadata.databaseUrl as string | undefined;
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  const output = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/support/seed-access-companies.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
    encoding: "utf8",
  });
  return JSON.parse(output) as T;
}

/** A company its buyer created in the shop, paying by invoice later: not verified (see seed-access-companies.ts). */
export const seedSelfMadeCompany = (buyerEmail: string) => seed<SelfMadeCompany>(["self-made", buyerEmail]);

/** A staff-made company with two ADMINs and a floating desktop license assigned to the second. */
export const seedStaffMadeCompany = (adminEmail: string, memberEmail: string) => seed<StaffMadeCompany>(["staff-made", adminEmail, memberEmail]);
