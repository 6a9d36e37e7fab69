// R12–R19 in Dutch, step by step as the manual describes them: Software Beheer → a license group →
// Gebruiker toevoegen (a new contact) → assign PROFIS Engineering → the invitation mail → the
// registration page; then revoke. Plus a short English smoke of the same page (R29).
// The specs share one demo database: every run adds a new, unique person (R19: nobody can be
// deleted) and revokes what it assigned; the floating license is used because it has no
// assignment limit, so this spec never competes with the others for a seat.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, chooseCompany, DUTCH_COMPANY, signIn, userMenuButton } from "./support/demo";
import { saveAndConfirm } from "./support/grid";
import { uniqueEmail } from "./support/identity";
import { mailCaptureUrl, newestSmtpMail, openMailLink } from "./support/mail";

const GROUP = "Licentiegroep 1";
const FLOATING = "PROFIS Engineering Multi-user (floating)";

const grid = (page: Page) => page.getByRole("grid");

async function openGroupFromNavigation(page: Page, navigationName: string, softwareManagement: string): Promise<void> {
  await page.getByRole("navigation", { name: navigationName }).getByRole("link", { name: softwareManagement }).click();
  await expect(page.getByRole("heading", { level: 1, name: softwareManagement })).toBeVisible();
  await page.getByRole("link", { name: GROUP, exact: true }).click();
  await expect(page).toHaveURL(/\/software-management\/[0-9a-f-]{36}$/);
  await expect(grid(page)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
});

test("handleiding R12–R19: gebruiker toevoegen, licentie toewijzen, uitnodiging per mail, registreren, intrekken", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("handleiding");
  const lastName = `Handleiding${randomBytes(3).toString("hex")}`;
  const person = `Femke ${lastName}`;

  // R12/R13: Software Beheer → the group.
  await openGroupFromNavigation(page, "Hoofdnavigatie", "Software Beheer");
  const groupPath = new URL(page.url()).pathname;

  // R14: Gebruiker toevoegen with an address nobody has → the contact form.
  await page.getByRole("link", { name: "Gebruiker toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gebruiker toevoegen" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Voor dit adres bestaat nog geen account.")).toBeVisible();
  await page.getByLabel("Aanhef").selectOption({ label: "Mevr." });
  await page.getByLabel("Voornaam").fill("Femke");
  await page.getByLabel("Achternaam").fill(lastName);
  await page.getByLabel("Functie").fill("Constructeur");
  await page.getByLabel("Taal").selectOption("nl");
  await page.getByRole("button", { name: "Opslaan" }).click();

  // R15: back in the list, where the new person is.
  await expect(page).toHaveURL(new RegExp(`${groupPath}(\\?|$)`));
  await page.getByRole("searchbox", { name: "Zoeken" }).fill(lastName);
  const row = grid(page).getByRole("rowheader", { name: new RegExp(person) });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Uitnodiging verstuurd");

  // R16/R17: tick PROFIS Engineering → Opslaan → the summary announces the invitation → Ja.
  const floating = grid(page).getByRole("checkbox", { name: `${FLOATING} toewijzen aan ${person}`, exact: true });
  await expect(floating).toHaveAttribute("aria-checked", "false");
  await floating.click();
  await expect(floating.locator("xpath=..")).toContainText("nieuw");
  await saveAndConfirm(page, "1 nieuwe toegewezen licentie; 1 uitnodiging wordt verstuurd");
  await expect(row).toContainText("Uitnodiging verstuurd");
  await expect(floating).toHaveAttribute("aria-checked", "true");

  // R17: the invitation arrives — over real SMTP where the project's app has a mail server
  // (playwright.config.ts), else in the in-app mailbox — and its link opens the registration with
  // the address filled in (decision 007), in the invitee's own, signed-out browser.
  if (mailCaptureUrl()) {
    const invitation = await newestSmtpMail(email);
    // The SMTP envelope: the server was asked to deliver to the invitee, from the portal.
    expect(invitation.envelope.to).toEqual([email]);
    expect(invitation.envelope.from).toMatch(/^no-reply@/);
    expect(invitation.headers.from).toContain("License Portal");
    // Decision 005: the Message-ID fixed at enqueue, on the host of APP_BASE_URL.
    expect(invitation.messageId).toMatch(/^<[0-9a-f-]{36}@[^>]+>$/);
    expect(invitation.subject).toContain("nodigt u uit om PROFIS Engineering te gebruiken bij Bouwbedrijf De Vries B.V.");
    // Both parts carry the registration link, so a text-only mail client can follow it as well.
    expect(invitation.textLinks.map((link) => new URL(link).pathname)).toContain("/register");
  }
  const registerLink = await openMailLink(page, email, "/register", "invitation");
  const invitee = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(registerLink);
    await expect(inviteePage.getByRole("heading", { level: 1, name: "Registreren" })).toBeVisible();
    await expect(inviteePage.getByLabel("E-mailadres")).toHaveValue(email);
  } finally {
    await invitee.close();
  }

  // R18: back to the group; the check mark turns into an X on hover → Opslaan → Ja revokes it.
  await page.goto(groupPath);
  await page.getByRole("searchbox", { name: "Zoeken" }).fill(lastName);
  // The label stays once the invitation has been delivered (only a failed delivery changes it).
  await expect(row).toContainText("Uitnodiging verstuurd");
  await expect(floating).toHaveAttribute("aria-checked", "true");
  await floating.hover();
  await expect(floating.locator("svg.lucide-x")).toBeVisible();
  await floating.click();
  await expect(floating.locator("xpath=..")).toContainText("intrekken");
  await saveAndConfirm(page, "1 ingetrokken licentie");
  await expect(floating).toHaveAttribute("aria-checked", "false");
  await expect(floating.locator("svg")).toHaveCount(0);
  // R19: revoking is all there is; nobody is deleted.
  await expect(row).toBeVisible();
  await expect(page.getByRole("button", { name: /verwijderen/i })).toHaveCount(0);
});

test("English smoke (R29): after switching language the group page shows Invitation sent and Save", async ({ page }) => {
  // The choice is stored on the admin's account too; the finally block puts Dutch back for the other specs.
  try {
    await userMenuButton(page).click();
    await page.getByRole("group", { name: "Taal" }).getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await openGroupFromNavigation(page, "Main navigation", "Software management");
    await page.getByRole("searchbox", { name: "Search" }).fill("yilmaz");
    await expect(grid(page).getByRole("rowheader", { name: /Özlem Yılmaz/ })).toContainText("Invitation sent");
    await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
  } finally {
    await page.goto("/software-management");
    await userMenuButton(page).click();
    await page
      .getByRole("group", { name: /Language|Taal/ })
      .getByRole("button", { name: "Nederlands" })
      .click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  }
});
