import { execFileSync } from "node:child_process";
import { test } from "@playwright/test";

/** Two registered users sharing a one-seat (or `seats`) PROFIS Engineering multi-user license (see seed-web-floating.ts). */
export function seedWebFloating(firstEmail: string, secondEmail: string, seats = 1): void {
  // The database behind the project's server (playwright.config.ts: embedded or PostgreSQL).
  const databaseUrl = test.info().project.metadata.databaseUrl as string | undefined;
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/support/seed-web-floating.ts", firstEmail, secondEmail, String(seats)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: "tsconfig.scripts.json" },
    stdio: "inherit",
  });
}
