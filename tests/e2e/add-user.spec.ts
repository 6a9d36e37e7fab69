// R14/R15/R19 in Dutch: Add user by email — a registered identity joins at once and the admin is
// back at the list; an unknown address needs the contact form, whose missing mandatory fields are
// each named; the new user is then in the grid. Every run adds new, unique people (nothing to restore).
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, chooseCompany, DUTCH_COMPANY, signIn } from "./support/demo";
import { registerIdentity, uniqueEmail } from "./support/identity";

async function openAddUser(page: Page): Promise<string> {
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();
  await expect(page).toHaveURL(/\/software-management\/[0-9a-f-]{36}$/);
  const groupPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Gebruiker toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gebruiker toevoegen" })).toBeVisible();
  return groupPath;
}

async function expectInGrid(page: Page, groupPath: string, name: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${groupPath}(\\?|$)`));
  await page.getByRole("searchbox", { name: "Zoeken" }).fill(name);
  await expect(page.getByRole("grid").getByRole("rowheader", { name: new RegExp(name) })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN_EMAIL);
});

test("R14/R15: a registered identity is added at once and appears in the group's list; adding again says so", async ({ page }) => {
  const email = uniqueEmail("registered");
  const lastName = `Geregistreerd${randomBytes(3).toString("hex")}`;
  registerIdentity(email, "Ruud", lastName);
  const groupPath = await openAddUser(page);

  await page.getByLabel("E-mailadres").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expectInGrid(page, groupPath, lastName);

  await page.goto(`${groupPath}/add-user`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${email} is al een gebruiker van dit bedrijf.` })).toBeVisible();
  // R19: nobody can be removed.
  await expect(page.getByRole("button", { name: /verwijderen/i })).toHaveCount(0);
});

test("R14: an unknown address needs the contact details; each missing mandatory field is named", async ({ page }) => {
  const email = uniqueEmail("contact");
  const lastName = `Contact${randomBytes(3).toString("hex")}`;
  const groupPath = await openAddUser(page);

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Voor dit adres bestaat nog geen account.")).toBeVisible();
  await expect(page.getByLabel("Aanhef")).toBeFocused();

  await page.getByLabel("Voornaam").fill("Sanne");
  await page.getByRole("button", { name: "Opslaan" }).click();
  // (Next.js's route announcer is an alert too.)
  await expect(page.getByRole("alert").filter({ hasText: "Vul nog in" })).toHaveText("Vul nog in: Aanhef, Achternaam, Functie, Taal.");
  for (const field of ["Aanhef", "Achternaam", "Functie", "Taal"]) {
    await expect(page.getByLabel(field)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(field)).toHaveAccessibleDescription("Dit veld is verplicht.");
  }
  await expect(page.getByLabel("Voornaam")).not.toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Aanhef").selectOption({ label: "Mevr." });
  await page.getByLabel("Achternaam").fill(lastName);
  await page.getByLabel("Functie").fill("Werkvoorbereider");
  await page.getByLabel("Taal").selectOption("en");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expectInGrid(page, groupPath, lastName);
});
