// Access can be taken away (docs/SECURITY.md, decision 016). A company's admins give and take the
// admin role (never the last admin); staff end a membership in the back office, which revokes the
// person's licenses, releases their seats and activations and keeps the account. Either takes
// effect on the person's next request: portal pages, the licensing API, the seat statement. Each
// new action and page refuses a stranger, a USER, another company's admin and staff, over HTTP.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { captureServerAction, type CapturedAction } from "../support/backoffice";
import { ADMIN_EMAIL, DEMO_PASSWORD, signIn, STAFF_EMAIL } from "../support/demo";
import { uniqueEmail } from "../support/identity";
import { seedStaffMadeCompany } from "../support/security-companies";
import { queryDatabase } from "../support/shop";

const FINGERPRINT = "e2e-access-removal-0123456789";

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function replay(request: APIRequestContext, action: CapturedAction): Promise<string> {
  const response = await request.post(action.url, { headers: action.headers, data: action.body });
  expect(response.status()).toBeLessThan(500);
  return response.text();
}

const roleOf = async (email: string, companyId: string) =>
  (
    await queryDatabase<{ role: string }>(
      `SELECT m."role" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE u."email" = $1 AND m."companyId" = $2`,
      [email, companyId],
    )
  )[0]?.role ?? null;

/** Software management's own pages tell a non-admin they are for software administrators and show nothing of the company's. */
async function expectNoSoftwareManagement(visitor: Page, path: string): Promise<void> {
  await visitor.goto(path);
  await expect(visitor.getByRole("heading", { level: 1, name: "Software Beheer is voor softwarebeheerders" }), path).toBeVisible();
  await expect(visitor.getByRole("table"), path).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: /Licentiegroep/ }), path).toHaveCount(0);
}

test("an admin takes another admin's role: that admin's next request to Software management is 404; the last admin keeps theirs", async ({
  page,
  browser,
}) => {
  const [admin, leaver] = [uniqueEmail("stays"), uniqueEmail("leaves")];
  const company = seedStaffMadeCompany(admin, leaver);
  const leaverPage = await signedInPage(browser, leaver);
  expect((await leaverPage.goto("/software-management"))?.status()).toBe(200);

  await signIn(page, admin);
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Gebruikers en beheerders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gebruikers en beheerders" })).toBeVisible();
  await page.getByRole("button", { name: /^Beheerdersrol van Vertrekker/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "is geen softwarebeheerder meer." })).toBeVisible();
  expect(await roleOf(leaver, company.companyId)).toBe("USER");

  // The same browser session of the former admin, next request: gone.
  for (const path of ["/software-management", "/software-management/audit", "/software-management/users", "/software-management/orders"])
    await expectNoSoftwareManagement(leaverPage, path);
  expect((await leaverPage.goto(`/software-management/${company.groupId}`))?.status()).toBe(404);
  expect((await leaverPage.request.get(`/software-management/${company.groupId}/export.csv`)).status()).toBe(404);

  // Now the only admin: taking their own role is refused and changes nothing.
  await page.getByRole("button", { name: /^Beheerdersrol van Blijver/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Een bedrijf houdt minstens één softwarebeheerder." })).toBeVisible();
  expect(await roleOf(admin, company.companyId)).toBe("ADMIN");
  await leaverPage.context().close();
});

test("staff end a membership: seats and activations are released; the person's next portal request, API entitlement call and lease take are refused", async ({
  page,
  browser,
  request,
}) => {
  const [admin, leaver] = [uniqueEmail("stays"), uniqueEmail("leaves")];
  const company = seedStaffMadeCompany(admin, leaver);
  // The leaver's desktop application: signed in, activated, holding a floating seat.
  const session = (await (
    await request.post("/api/v1/sessions", {
      data: { email: leaver, password: DEMO_PASSWORD, client: "E2E desktop", device: { fingerprint: FINGERPRINT, hostname: "LAPTOP-1" } },
    })
  ).json()) as { accessToken: string };
  const authorization = { Authorization: `Bearer ${session.accessToken}` };
  expect(
    (
      await request.post("/api/v1/activations", {
        headers: authorization,
        data: { activationKey: company.activationKey, fingerprint: FINGERPRINT, hostname: "LAPTOP-1" },
      })
    ).status(),
  ).toBe(201);
  expect(
    (
      await request.post("/api/v1/leases", { headers: authorization, data: { licenseId: company.licenseId, fingerprint: FINGERPRINT } })
    ).status(),
  ).toBe(201);
  const before = (await (await request.get("/api/v1/entitlements", { headers: authorization })).json()) as {
    company: { id: string } | null;
    entitlements: { licenseId: string }[];
  };
  expect(before.company?.id).toBe(company.companyId);
  expect(before.entitlements.map((entitlement) => entitlement.licenseId)).toContain(company.licenseId);
  const leaverPage = await signedInPage(browser, leaver);
  expect((await leaverPage.goto("/software-management"))?.status()).toBe(200);

  await signIn(page, STAFF_EMAIL);
  await page.goto(`/backoffice/companies/${company.companyId}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /^Lidmaatschap van Vertrekker/ }).click();
  await expect(page.getByRole("button", { name: /^Lidmaatschap van Vertrekker/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Lidmaatschap van Blijver/ })).toBeVisible();

  // Next requests of every session of the person.
  await expectNoSoftwareManagement(leaverPage, "/software-management");
  const after = (await (await request.get("/api/v1/entitlements", { headers: authorization })).json()) as {
    company: { id: string } | null;
    entitlements: { licenseId: string }[];
  };
  expect(after.company?.id).not.toBe(company.companyId);
  expect(after.entitlements.map((entitlement) => entitlement.licenseId)).not.toContain(company.licenseId);
  const take = await request.post("/api/v1/leases", {
    headers: authorization,
    data: { licenseId: company.licenseId, fingerprint: FINGERPRINT },
  });
  expect([403, 404]).toContain(take.status());

  // Released and revoked, history kept, account kept.
  expect(
    await queryDatabase(
      `SELECT 1 FROM "FloatingLease" f JOIN "User" u ON u."id" = f."userId" WHERE u."email" = $1 AND f."releasedAt" IS NULL`,
      [leaver],
    ),
  ).toHaveLength(0);
  expect(
    await queryDatabase(
      `SELECT 1 FROM "Activation" a JOIN "User" u ON u."id" = a."userId" WHERE u."email" = $1 AND a."deactivatedAt" IS NULL`,
      [leaver],
    ),
  ).toHaveLength(0);
  expect(
    await queryDatabase(
      `SELECT 1 FROM "Assignment" a JOIN "User" u ON u."id" = a."userId" WHERE u."email" = $1 AND a."revokedAt" IS NOT NULL`,
      [leaver],
    ),
  ).toHaveLength(1);
  expect(await queryDatabase(`SELECT 1 FROM "User" WHERE "email" = $1 AND "disabledAt" IS NULL`, [leaver])).toHaveLength(1);
  await leaverPage.context().close();
});

test("the new actions and pages refuse a stranger, a USER, another company's admin and staff", async ({ page, browser, playwright }) => {
  // Four callers in their own browsers: about 20 s on a quiet machine.
  test.setTimeout(60_000);
  const [admin, second] = [uniqueEmail("stays"), uniqueEmail("user")];
  const company = seedStaffMadeCompany(admin, second);
  await signIn(page, admin);
  await page.goto("/software-management/users");
  // The second person becomes a plain USER; the action that would make them ADMIN again is captured.
  await page.getByRole("button", { name: /^Beheerdersrol van Vertrekker/ }).click();
  await expect(page.getByRole("button", { name: /^Vertrekker .* softwarebeheerder maken/ })).toBeVisible();
  const promote = await captureServerAction(page, () =>
    page.getByRole("button", { name: /^Vertrekker .* softwarebeheerder maken/ }).click(),
  );
  const demoteAdmin = await captureServerAction(page, () => page.getByRole("button", { name: /^Beheerdersrol van Blijver/ }).click());

  const staffPage = await signedInPage(browser, STAFF_EMAIL);
  await staffPage.goto(`/backoffice/companies/${company.companyId}`);
  staffPage.once("dialog", (dialog) => void dialog.accept());
  const endMembership = await captureServerAction(staffPage, () =>
    staffPage.getByRole("button", { name: /^Lidmaatschap van Blijver/ }).click(),
  );

  const stranger = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const userPage = await signedInPage(browser, second);
  const otherAdminPage = await signedInPage(browser, ADMIN_EMAIL);
  const callers: [string, APIRequestContext, RegExp][] = [
    ["stranger", stranger, /"code":"(UNAUTHENTICATED|NOT_FOUND)"/],
    ["USER", userPage.request, /"code":"(FORBIDDEN|NOT_FOUND)"/],
    ["admin of another company", otherAdminPage.request, /"code":"NOT_FOUND"/],
    ["staff", staffPage.request, /"code":"NOT_FOUND"/],
  ];
  for (const [who, request, refusal] of callers) {
    for (const action of [promote, demoteAdmin]) expect(await replay(request, action), `${who}: role change`).toMatch(refusal);
    if (who !== "staff")
      expect(await replay(request, endMembership), `${who}: end membership`).toMatch(/"code":"(NOT_FOUND|UNAUTHENTICATED)"/);
  }
  expect(await roleOf(second, company.companyId)).toBe("USER");
  expect(await roleOf(admin, company.companyId)).toBe("ADMIN");

  // The Users page: for the USER and for staff only the words that it is for software
  // administrators, no user; another company's admin sees only their own company.
  for (const visitor of [userPage, staffPage]) {
    await visitor.goto("/software-management/users");
    await expect(visitor.getByRole("heading", { level: 1, name: "Software Beheer is voor softwarebeheerders" })).toBeVisible();
    await expect(visitor.getByRole("main")).not.toContainText(admin);
    await expect(visitor.getByRole("table")).toHaveCount(0);
  }
  await otherAdminPage.goto("/software-management/users");
  await expect(otherAdminPage.getByRole("main")).not.toContainText(admin);
  const anonymous = await stranger.get("/software-management/users", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/sign-in");
  // An invitation link that does not exist changes nothing and says so.
  await userPage.goto("/join?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(userPage.getByRole("alert").filter({ hasText: "Deze uitnodiging is ongeldig" })).toBeVisible();
  await stranger.dispose();
});
