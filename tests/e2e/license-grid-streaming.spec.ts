// Decision 008 in the browser: a company with more users than one page. The grid renders with the
// first page, the rest stream in; then the last user alphabetically is there, found by search,
// reached by keyboard, ticked and saved like anyone else. The company, its admin and its people are
// this run's own (bulk SQL on the project's database), so no other spec sees them.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { ADMIN_EMAIL, signIn } from "./support/demo";
import { saveAndConfirm } from "./support/grid";

const PEOPLE = 2_500; // + Zyta + the admin: a first page of 200, one of 2,000, one of 302
const NAMED = "PROFIS Engineering Named user";

/** A company of PEOPLE contacts plus "Zyta Zwaluw", its own admin, and one group; returns the group id and the admin's email. */
async function seedLargeCompany(): Promise<{ groupId: string; adminEmail: string }> {
  const databaseUrl = test.info().project.metadata.databaseUrl as string | undefined;
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  const tag = `stream-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const sapAccountNumber = String(9_000_000_000 + (randomBytes(4).readUInt32BE() % 999_999_999));
  const adminEmail = `${tag}-admin@e2e.example`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Single statements, no explicit transaction: the embedded database is one session shared with the app.
    const {
      rows: [company],
    } = await client.query<{ id: string }>(
      `INSERT INTO "Company" ("name", "country", "sapAccountNumber", "updatedAt") VALUES ($1, 'NL', $2, now()) RETURNING "id"`,
      [`Stroom ${tag} B.V.`, sapAccountNumber],
    );
    // The admin signs in with the demo password (a copy of the demo admin's hash).
    await client.query(
      `INSERT INTO "User" ("email", "firstName", "lastName", "passwordHash", "emailVerifiedAt", "updatedAt")
       SELECT $1, 'Adri', 'Beheer', "passwordHash", now(), now() FROM "User" WHERE "email" = $2`,
      [adminEmail, ADMIN_EMAIL],
    );
    await client.query(
      `INSERT INTO "User" ("email", "firstName", "lastName", "position", "passwordHash", "emailVerifiedAt", "updatedAt")
       SELECT $1 || '-' || i || '@e2e.example', (ARRAY['Anna','Bram','Daan','Eva','Joost'])[1 + i % 5], 'Stroom ' || lpad(i::text, 4, '0'), 'Tekenaar',
         CASE WHEN i % 3 = 0 THEN NULL ELSE 'not-a-login' END, CASE WHEN i % 3 = 0 THEN NULL ELSE now() END, now()
       FROM generate_series(1, $2::int) AS i
       UNION ALL SELECT $1 || '-zyta@e2e.example', 'Zyta', 'Zwaluw', 'Tekenaar', 'not-a-login', now(), now()`,
      [tag, PEOPLE],
    );
    await client.query(
      `INSERT INTO "Membership" ("userId", "companyId", "role", "updatedAt")
       SELECT "id", $1::uuid, (CASE WHEN "email" = $3 THEN 'ADMIN' ELSE 'USER' END)::"MembershipRole", now() FROM "User" WHERE "email" LIKE $2`,
      [company!.id, `${tag}-%@e2e.example`, adminEmail],
    );
    const {
      rows: [group],
    } = await client.query<{ id: string }>(
      `INSERT INTO "LicenseGroup" ("companyId", "name", "sapAccountNumber", "updatedAt") VALUES ($1, 'Stroomgroep', $2, now()) RETURNING "id"`,
      [company!.id, sapAccountNumber],
    );
    await client.query(
      `INSERT INTO "License" ("groupId", "productId", "type", "seats", "validFrom", "validUntil", "updatedAt")
       SELECT $1::uuid, "id", 'NAMED_USER', 3000, now() - interval '1 day', now() + interval '300 days', now() FROM "Product" WHERE "code" = 'PROFIS_ENGINEERING'`,
      [group!.id],
    );
    return { groupId: group!.id, adminEmail };
  } finally {
    await client.end();
  }
}

test("decision 008: more users than one page — they stream in; the last one is searchable, reachable by keyboard and can be assigned", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { groupId, adminEmail } = await seedLargeCompany();
  await signIn(page, adminEmail);
  await page.goto(`/software-management/${groupId}`);
  const grid = page.getByRole("grid");
  await expect(grid.getByRole("row").nth(1)).toBeVisible();

  // Everyone arrives: the count ends as the whole company, and the page is marked complete.
  const total = PEOPLE + 2;
  await expect(page.getByText(`${total} van ${total} gebruikers`, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("[data-user-stream]")).toHaveAttribute("data-user-stream", "complete");

  // Keyboard over the streamed rows: Ctrl+End reaches the last user in name order.
  await page.getByRole("searchbox", { name: "Zoeken" }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("data-cell", "0:1");
  await page.keyboard.press("Control+End");
  await expect(page.locator(":focus")).toHaveAccessibleName(`${NAMED} toewijzen aan Zyta Zwaluw`);

  // Someone from the middle page and the very last one are found by search.
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("stroom 1500");
  await expect(grid.getByRole("rowheader", { name: /Stroom 1500/ })).toBeVisible();
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("zyta");
  await expect(page.getByText(`1 van ${total} gebruikers`, { exact: true })).toBeVisible();
  const zyta = grid.getByRole("checkbox", { name: `${NAMED} toewijzen aan Zyta Zwaluw`, exact: true });
  await expect(zyta).toHaveAttribute("aria-checked", "false");
  await zyta.click();
  await expect(zyta.locator("xpath=..")).toContainText("nieuw");
  await saveAndConfirm(page, "1 nieuwe toegewezen licentie");
  // Saved, no longer pending — and so after a reload, which streams the company again.
  await expect(zyta).toHaveAttribute("aria-checked", "true");
  await expect(zyta.locator("xpath=..")).not.toContainText("nieuw");
  await page.reload();
  await expect(page.getByText(`${total} van ${total} gebruikers`, { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("zyta");
  await expect(grid.getByRole("checkbox", { name: `${NAMED} toewijzen aan Zyta Zwaluw`, exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
  );
});
