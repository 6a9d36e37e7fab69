import { expect, test, type Page } from "@playwright/test";
import { captureServerAction, seedLicenseAssignees } from "./support/backoffice";
import { ADMIN_EMAIL, DUTCH_COMPANY, STAFF_EMAIL, USER_EMAIL, signIn } from "./support/demo";
import { registerIdentity, uniqueEmail } from "./support/identity";

test("a signed-in user who is not staff gets the 404 page on /backoffice", async ({ page }) => {
  await signIn(page, USER_EMAIL);
  const response = await page.goto("/backoffice");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
});

test("a signed-out visitor gets the 404 page on /backoffice", async ({ page }) => {
  const response = await page.goto("/backoffice");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
});

test("staff reach the back office", async ({ page }) => {
  await signIn(page, STAFF_EMAIL);
  await page.goto("/backoffice");
  await expect(page.getByRole("heading", { level: 1, name: "Back office" })).toBeVisible();
});

// ——— The back office (R31) ———

const NOT_FOUND_HEADING = "Pagina niet gevonden";

function uniqueDigits(length: number): string {
  return `7${Date.now()
    .toString()
    .slice(-(length - 4))}${Math.floor(Math.random() * 900 + 100)}`;
}

/** The Dutch demo company's page and the first license on it, as staff find them. */
async function findDemoCompanyAndLicense(page: Page): Promise<{ companyPath: string; licensePath: string }> {
  await signIn(page, STAFF_EMAIL);
  await page.goto("/backoffice");
  await page.getByLabel("Zoeken naar").fill("bouwbedrijf de vries");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("link", { name: DUTCH_COMPANY }).first().click();
  await expect(page).toHaveURL(/\/backoffice\/companies\/[0-9a-f-]{36}$/);
  const companyPath = new URL(page.url()).pathname;
  const licensePath = await page.getByRole("link", { name: "PROFIS Engineering (Named user) wijzigen" }).first().getAttribute("href");
  if (!licensePath) throw new Error("no license link on the company page");
  return { companyPath, licensePath };
}

test("staff find a company, give it a group, an admin and an Enterprise license, and change its seats and term", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, STAFF_EMAIL);
  const suffix = Date.now().toString(36);
  const companyName = `Ingenieursbureau Élan ${suffix}`;

  await page.goto("/backoffice/companies/new");
  await page.getByLabel("Bedrijfsnaam").fill(companyName);
  await page.getByLabel("Land", { exact: true }).fill("NL");
  await page.getByLabel("SAP-accountnummer").fill(uniqueDigits(10));
  await page.getByRole("button", { name: "Bedrijf aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: companyName })).toBeVisible();

  // Search: case and accents do not matter (like the group page's search).
  await page.goto("/backoffice");
  await page.getByLabel("Zoeken naar").fill(`ingenieursbureau elan ${suffix}`);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("link", { name: companyName }).click();
  await expect(page.getByRole("heading", { level: 1, name: companyName })).toBeVisible();
  const companyPath = new URL(page.url()).pathname;

  await page.getByLabel("Naam van de groep").fill("Licentiegroep E2E");
  await page.getByRole("button", { name: "Licentiegroep aanmaken" }).click();
  await expect(page.getByText("Licentiegroep Licentiegroep E2E is aangemaakt.")).toBeVisible();

  const adminEmail = uniqueEmail("bo-admin");
  registerIdentity(adminEmail, "Bea", "Beheer");
  await page.getByLabel("E-mailadres").fill(adminEmail);
  await page.getByRole("button", { name: "Beheerder maken" }).click();
  await expect(page.getByText(`${adminEmail} is toegevoegd als softwarebeheerder.`)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Gebruikers en beheerders" }).getByRole("row", { name: new RegExp(adminEmail) }),
  ).toContainText("Softwarebeheerder");

  await page.getByLabel("Product", { exact: true }).selectOption({ label: "PROFIS Engineering" });
  await page.getByLabel("Licentietype").selectOption({ label: "Named user" });
  await page.getByLabel("Editie").selectOption({ label: "Enterprise" });
  await page.getByLabel("Plaatsen", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Licentie aanmaken" }).click();
  await expect(page.getByText("De licentie voor PROFIS Engineering is aangemaakt.")).toBeVisible();
  const licenseRow = page.getByRole("row", { name: /Enterprise/ });
  await expect(licenseRow).toContainText("0 / 3");
  const licensePath = await licenseRow.getByRole("link", { name: "PROFIS Engineering (Named user) wijzigen" }).getAttribute("href");
  const licenseId = licensePath?.split("/").pop() ?? "";
  const assignees = seedLicenseAssignees(licenseId, 3);

  await page.goto(licensePath!);
  await expect(page.getByRole("heading", { level: 1, name: "PROFIS Engineering · Named user · Enterprise" })).toBeVisible();
  await expect(page.getByText("3 van 3")).toBeVisible();
  const seats = page.getByLabel("Nieuw aantal plaatsen");

  await seats.fill("4");
  await page.getByRole("button", { name: "Plaatsen opslaan" }).click();
  await expect(page.getByText("De licentie heeft nu 4 plaatsen.")).toBeVisible();
  await expect(page.getByText("3 van 4")).toBeVisible();

  // R25: below the usage without choosing whom to unassign is refused, with the reason.
  await seats.fill("2");
  await expect(page.getByText("Kies minstens 1 persoon van wie de licentie wordt ingetrokken.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Plaatsen opslaan" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Dat kan niet" })).toHaveText(
    "Dat kan niet: er zijn 3 plaatsen in gebruik. Kies nog 1 persoon van wie de licentie wordt ingetrokken om naar 2 plaatsen te gaan.",
  );
  await page.reload();
  await expect(page.getByText("3 van 4")).toBeVisible();

  await page.getByLabel("Nieuw aantal plaatsen").fill("2");
  await page.getByRole("checkbox", { name: new RegExp(assignees[0]!) }).check();
  await page.getByRole("button", { name: "Opslaan en 1 licentie intrekken" }).click();
  await expect(page.getByText("De licentie heeft nu 2 plaatsen; 1 licentie is ingetrokken.")).toBeVisible();
  await expect(page.getByText("2 van 2")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: new RegExp(assignees[0]!) })).toHaveCount(0);

  // Expiry: ended now, the license shows as expired.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Nu beëindigen" }).click();
  await expect(page.getByText("De licentie is beëindigd.")).toBeVisible();
  await page.goto(companyPath);
  await expect(page.getByRole("row", { name: /Enterprise/ })).toContainText("Verlopen");
  const recent = page.getByRole("region", { name: "Recente gebeurtenissen" });
  await expect(recent.getByRole("cell", { name: "Aantal plaatsen gewijzigd" }).first()).toBeVisible();
  await expect(recent.getByRole("cell", { name: "Licentie beëindigd" })).toBeVisible();

  // R24: the company's new admin sees what the back office did on their audit page.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, adminEmail);
  await adminPage.goto("/software-management/audit");
  await expect(adminPage.getByRole("cell", { name: "Aantal plaatsen gewijzigd" }).first()).toBeVisible();
  await expect(adminPage.getByRole("cell", { name: "Licentie beëindigd" })).toBeVisible();
  await adminContext.close();
});

test("a user and an admin who are not staff get the 404 page on every back-office route", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { companyPath, licensePath } = await findDemoCompanyAndLicense(page);
  const routes = [
    "/backoffice",
    "/backoffice?q=vries",
    "/backoffice/companies/new",
    "/backoffice/orders",
    "/backoffice/sales-leads?show=all",
    companyPath,
    `${companyPath}/audit`,
    licensePath,
  ];
  for (const email of [USER_EMAIL, ADMIN_EMAIL, null]) {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    if (email) await signIn(visitor, email);
    for (const route of routes) {
      const response = await visitor.goto(route);
      expect(response?.status(), `${email ?? "signed out"} on ${route}`).toBe(404);
      await expect(visitor.getByRole("heading", { level: 1, name: NOT_FOUND_HEADING })).toBeVisible();
    }
    await context.close();
  }
});

test("back-office server actions posted directly with a non-staff session answer NOT_FOUND and change nothing", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { companyPath, licensePath } = await findDemoCompanyAndLicense(page);

  // Captured from the staff member's own forms, never sent by them.
  await page.goto(licensePath);
  const seatsBefore = await page
    .getByText(/^\d+ van \d+$/)
    .first()
    .textContent();
  await page.getByLabel("Nieuw aantal plaatsen").fill("99");
  const changeSeats = await captureServerAction(page, () => page.getByRole("button", { name: "Plaatsen opslaan" }).click());

  await page.goto(companyPath);
  await page.getByLabel("E-mailadres").fill(USER_EMAIL);
  const makeAdmin = await captureServerAction(page, () => page.getByRole("button", { name: "Beheerder maken" }).click());

  const sneakyName = `Sneaky ${Date.now().toString(36)}`;
  await page.goto("/backoffice/companies/new");
  await page.getByLabel("Bedrijfsnaam").fill(sneakyName);
  await page.getByLabel("Land", { exact: true }).fill("NL");
  await page.getByLabel("SAP-accountnummer").fill(uniqueDigits(10));
  const createCompany = await captureServerAction(page, () => page.getByRole("button", { name: "Bedrijf aanmaken" }).click());

  for (const email of [USER_EMAIL, ADMIN_EMAIL, null]) {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    if (email) await signIn(visitor, email);
    for (const action of [changeSeats, makeAdmin, createCompany]) {
      const response = await context.request.post(action.url, { headers: action.headers, data: action.body });
      const text = await response.text();
      expect(text, `${email ?? "signed out"} posting to ${action.url}`).toContain('"code":"NOT_FOUND"');
      expect(text).not.toContain('"ok":true');
    }
    await context.close();
  }

  // Nothing changed: the seats, user@demo's role, no new company.
  await page.goto(licensePath);
  await expect(page.getByText(/^\d+ van \d+$/).first()).toHaveText(seatsBefore ?? "");
  await page.goto(companyPath);
  await expect(
    page.getByRole("region", { name: "Gebruikers en beheerders" }).getByRole("row", { name: new RegExp(USER_EMAIL) }),
  ).toContainText("Gebruiker");
  await page.goto(`/backoffice?q=${encodeURIComponent(sneakyName)}`);
  await expect(page.getByText("Geen bedrijven gevonden.")).toBeVisible();

  // The same request with the staff session does arrive (the replay itself is sound).
  const staffResponse = await page.request.post(createCompany.url, { headers: createCompany.headers, data: createCompany.body });
  expect(await staffResponse.text()).toContain('"ok":true');
  await page.goto(`/backoffice?q=${encodeURIComponent(sneakyName)}`);
  await expect(page.getByRole("link", { name: sneakyName })).toBeVisible();
});
