// Bad input answered 5xx (docs/SECURITY.md, decision 014). A NUL character in a name came back as
// UNEXPECTED (PostgreSQL refuses it in text), and a grid save of about 9,500 changes answered 500
// (the server action body limit was reached before the 10,000 changes the schema allows). Driven as
// an attacker would: requests tampered with on their way out, replayed by hand, or sent to the API.
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { DEMO_PASSWORD, signIn, STAFF_EMAIL, USER_EMAIL } from "../support/demo";
import { registerIdentity, uniqueEmail } from "../support/identity";
import { seedSecurityCompany, withDatabase } from "../support/seed-security-company";

const FORBIDDEN_NL = "Dit veld bevat tekens die niet zijn toegestaan";
const NUL_MARK = "__NUL__";

/**
 * The server action requests of this page have the marker replaced by a NUL: a raw NUL in a
 * multipart body (a form's FormData), JSON-escaped in React's text encoding of plain arguments.
 */
async function injectNulIntoActions(page: Page): Promise<void> {
  await page.route("**/*", async (route) => {
    const request = route.request();
    const body = request.postData();
    if (request.method() === "POST" && request.headers()["next-action"] && body?.includes(NUL_MARK)) {
      const multipart = request.headers()["content-type"]?.startsWith("multipart/form-data") ?? false;
      await route.continue({ postData: body.replaceAll(NUL_MARK, multipart ? "\u0000" : "\\u0000") });
    } else {
      await route.fallback();
    }
  });
}

async function profileName(email: string): Promise<{ firstName: string; lastName: string; position: string }> {
  return withDatabase(
    async (client) => (await client.query(`SELECT "firstName", "lastName", "position" FROM "User" WHERE "email" = $1`, [email])).rows[0],
  );
}

test("a NUL or a bidi override in a profile name gets a translated field error and changes nothing", async ({ page }) => {
  const email = uniqueEmail("nul");
  registerIdentity(email, "Nora", "Nulmans");
  await signIn(page, email);
  await injectNulIntoActions(page);
  await page.goto("/profile");
  const firstName = page.getByLabel("Voornaam", { exact: true });
  const lastName = page.getByLabel("Achternaam", { exact: true });

  await firstName.fill(`Nora${NUL_MARK}`);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.locator("#firstName-error")).toContainText(FORBIDDEN_NL);
  await expect(page.getByText("Er ging iets mis")).toHaveCount(0);

  // U+202E (right-to-left override) makes "Nulmans\u202Eexe.gnp" read as "Nulmanspng.exe": refused.
  await firstName.fill("Nora");
  await lastName.fill("Nulmans\u202Eexe.gnp");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.locator("#lastName-error")).toContainText(FORBIDDEN_NL);
  expect(await profileName(email)).toMatchObject({ firstName: "Nora", lastName: "Nulmans" });

  // Honest text outside ASCII still saves: accents, emoji, right-to-left script.
  await lastName.fill("Nulmans-Özdemir 🎉 مريم");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Uw profiel is opgeslagen.")).toBeVisible();
  expect(await profileName(email)).toMatchObject({ firstName: "Nora", lastName: "Nulmans-Özdemir 🎉 مريم" });
});

test("the licensing API answers 400 INVALID_REQUEST with a field error for control characters, not 500", async ({ request }) => {
  const headers = { "Accept-Language": "en" };
  const cases = [
    { field: "client", data: { email: USER_EMAIL, password: DEMO_PASSWORD, client: "PROFIS\u0000Anchor" } },
    {
      field: "device.hostname",
      data: {
        email: USER_EMAIL,
        password: DEMO_PASSWORD,
        client: "PROFIS Anchor",
        device: { fingerprint: "fingerprint-0123456789", hostname: "pc\u202E01" },
      },
    },
    { field: "email", data: { email: `${USER_EMAIL}\u0000`, password: DEMO_PASSWORD, client: "PROFIS Anchor" } },
    { field: "client", data: { email: USER_EMAIL, password: DEMO_PASSWORD, client: "PROFIS \ud800 Anchor" } },
  ];
  for (const { field, data } of cases) {
    const response = await request.post("/api/v1/sessions", { headers, data });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    const problem = await response.json();
    expect(problem).toMatchObject({ code: "INVALID_REQUEST" });
    expect(problem.errors).toContainEqual({ field, message: expect.stringContaining("characters that are not allowed") });
  }
});

test("search boxes with control characters answer with a field error, not 500", async ({ page }) => {
  await signIn(page, STAFF_EMAIL);
  const search = await page.goto("/backoffice?q=Vries%00");
  expect(search?.status()).toBe(200);
  await expect(page.locator("#search-query-error")).toContainText(FORBIDDEN_NL);

  const seeded = await seedSecurityCompany({});
  const admin = await page.context().browser()!.newPage({ locale: "nl-NL" });
  await signIn(admin, seeded.adminEmail);
  expect((await admin.goto("/software-management/audit?user=Adri%00"))?.status()).toBe(200);
  expect((await admin.request.get("/software-management/audit/export.csv?user=Adri%00")).status()).toBe(200);
  await admin.close();
});

/** One real save through the grid, captured: the action's id and headers, to replay with other bodies. */
async function captureGridSave(page: Page): Promise<Request> {
  const checkbox = page.getByRole("grid").getByRole("checkbox").first();
  await checkbox.click();
  const saving = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await page.getByRole("dialog", { name: "Wijzigingen bevestigen" }).getByRole("button", { name: "Ja" }).click();
  const request = await saving;
  await expect(page.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
  return request;
}

async function replaySave(api: APIRequestContext, captured: Request, body: unknown) {
  const headers = Object.fromEntries(
    Object.entries(captured.headers()).filter(([name]) =>
      ["next-action", "next-router-state-tree", "accept", "content-type"].includes(name),
    ),
  );
  return api.post(captured.url(), { headers, data: JSON.stringify(body), timeout: 120_000 });
}

test("a grid save of the maximum size (10,000 changes) succeeds; one more gets a clear translated message, not 500", async ({ page }) => {
  test.setTimeout(180_000);
  const seeded = await seedSecurityCompany({ bulkPeople: 1_000, licenses: 10 });
  await signIn(page, seeded.adminEmail);
  await page.goto(`/software-management/${seeded.groupId}`);
  await expect(page.locator("[data-user-stream]")).toHaveAttribute("data-user-stream", "complete", { timeout: 30_000 });
  const captured = await captureGridSave(page);

  const { memberIds, version } = await withDatabase(async (client) => ({
    memberIds: (
      await client.query<{ userId: string }>(`SELECT "userId" FROM "Membership" WHERE "companyId" = $1 ORDER BY "userId"`, [
        seeded.companyId,
      ])
    ).rows.map((row) => row.userId),
    version: (await client.query<{ version: number }>(`SELECT "version" FROM "LicenseGroup" WHERE "id" = $1`, [seeded.groupId])).rows[0]!
      .version,
  }));
  expect(memberIds).toHaveLength(1_001);
  // The worst case per change: "assigned":false. Unticking what nobody holds changes nothing but is carried and checked.
  const changes = seeded.licenseIds.flatMap((licenseId) =>
    memberIds.slice(0, 1_000).map((userId) => ({ licenseId, userId, assigned: false })),
  );
  expect(changes).toHaveLength(10_000);

  const maximum = await replaySave(page.request, captured, [{ groupId: seeded.groupId, expectedVersion: version, changes }]);
  expect(maximum.status()).toBe(200);
  expect(await maximum.text()).toContain('"ok":true');

  const oneTooMany = [...changes, { licenseId: seeded.licenseIds[0], userId: memberIds[1_000], assigned: false }];
  const tooMany = await replaySave(page.request, captured, [
    { groupId: seeded.groupId, expectedVersion: version + 1, changes: oneTooMany },
  ]);
  expect(tooMany.status()).toBe(200);
  const answer = await tooMany.text();
  expect(answer).toContain('"ok":false');
  expect(answer).toContain("U kunt maximaal 10.000 wijzigingen in één keer opslaan");

  // A body over the server action limit (2 MiB), sent by hand: 413 before Next.js's own check (a 500).
  const oversized = await replaySave(page.request, captured, [
    { groupId: seeded.groupId, expectedVersion: version + 1, changes, padding: "x".repeat(2_500_000) },
  ]);
  expect(oversized.status()).toBe(413);
  // The same with a prefetch header, which keeps page requests out of proxy.ts: still 413.
  const headers = {
    ...Object.fromEntries(
      Object.entries(captured.headers()).filter(([name]) =>
        ["next-action", "next-router-state-tree", "accept", "content-type"].includes(name),
      ),
    ),
    "next-router-prefetch": "1",
  };
  const disguised = await page.request.post(captured.url(), {
    headers,
    data: JSON.stringify([{ groupId: seeded.groupId, changes, padding: "x".repeat(2_500_000) }]),
    timeout: 120_000,
  });
  expect(disguised.status()).toBe(413);
});
