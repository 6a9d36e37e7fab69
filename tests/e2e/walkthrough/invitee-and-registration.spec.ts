// A walk-through in Dutch: an invited colleague and the end of registration.
// The invitation carries every license of the save (web: "Laten we beginnen"; desktop:
// "Download desktop software" and the activation key; decision 007). Registration ends in one green box
// with "Doorgaan naar" the portal and the software the person came for, on both the invitation
// path (names prefilled) and the public path (one click on "Activeer account" in the mail).
// A page of another of the user's companies never shows under the header's company.
// Links keep their target after sign-in.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, BELGIAN_COMPANY, DEMO_PASSWORD, DUTCH_COMPANY, chooseCompany, signIn, userMenuButton } from "../support/demo";
import { saveAndConfirm } from "../support/grid";
import { uniqueEmail } from "../support/identity";
import { newestMailText, openMailLink } from "../support/mail";

const ENGINEERING_FLOATING = "PROFIS Engineering Multi-user (floating)";
const DETECTION_FLOATING = "PROFIS Detection Office Multi-user (floating)";
const PASSWORD = "zeven vrolijke kraanvogels boven het IJ";
const ACTIVATION_KEY = /[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}/;

async function openGroup(page: Page): Promise<string> {
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();
  await expect(page).toHaveURL(/\/software-management\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** Registration's end as the manual shows it: a green status box, then "Doorgaan naar" PROFIS Engineering and the portal. */
async function expectSuccessBox(page: Page, title: string): Promise<void> {
  await expect(page.getByRole("status").getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Registreren" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Doorgaan naar" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Doorgaan naar PROFIS Engineering" })).toHaveAttribute("href", "/launch/profis-engineering");
  await expect(page.getByRole("link", { name: "Doorgaan naar het portaal" })).toBeVisible();
}

test("an invited colleague gets both licenses in the invitation, registers with prefilled names and continues to the software", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("john.bakker");
  const lastName = `Bakker${randomBytes(3).toString("hex")}`;
  const person = `John ${lastName}`;
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  const groupPath = await openGroup(page);

  await page.getByRole("link", { name: "Gebruiker toevoegen" }).click();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Voor dit adres bestaat nog geen account.")).toBeVisible();
  await page.getByLabel("Aanhef").selectOption({ label: "Dhr." });
  await page.getByLabel("Voornaam").fill("John");
  await page.getByLabel("Achternaam").fill(lastName);
  await page.getByLabel("Functie").fill("Werkvoorbereider");
  await page.getByLabel("Taal").selectOption("nl");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(new RegExp(`${groupPath}(\\?|$)`));

  // Both floating licenses have no assignment limit, so this spec competes with nobody for a seat.
  await page.getByRole("searchbox", { name: "Zoeken" }).fill(lastName);
  const grid = page.getByRole("grid");
  await grid.getByRole("checkbox", { name: `${ENGINEERING_FLOATING} toewijzen aan ${person}`, exact: true }).click();
  await grid.getByRole("checkbox", { name: `${DETECTION_FLOATING} toewijzen aan ${person}`, exact: true }).click();
  await saveAndConfirm(page, "2 nieuwe toegewezen licenties; 1 uitnodiging wordt verstuurd");

  // One invitation with both licenses, each as its license mail would show it.
  const mail = await newestMailText(page, email);
  expect(mail).toContain("PROFIS Engineering");
  expect(mail).toContain("PROFIS Detection Office");
  expect(mail).toContain("Registreren");
  expect(mail).toContain("Laten we beginnen");
  expect(mail).toContain("Download desktop software");
  expect(mail).toContain("Activeringssleutel");
  expect(mail).toMatch(ACTIVATION_KEY);
  // "Laten we beginnen" is the registration link that continues to PROFIS Engineering.
  const startLink = await openMailLink(page, email, "/register", "product");
  expect(new URLSearchParams(startLink.split("?")[1]).get("product")).toBe("PROFIS_ENGINEERING");
  expect(startLink).toContain("invitation=");

  // In John's own, signed-out browser the names the admin typed are filled in; one
  // registration ends in the green box, without the form's heading above it.
  const invitee = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const johnsPage = await invitee.newPage();
    await johnsPage.goto(startLink);
    await expect(johnsPage.getByRole("heading", { level: 1, name: "Registreren" })).toBeVisible();
    await expect(johnsPage.getByLabel("E-mailadres")).toHaveValue(email);
    await expect(johnsPage.getByLabel("Voornaam")).toHaveValue("John");
    await expect(johnsPage.getByLabel("Achternaam")).toHaveValue(lastName);
    await expect(johnsPage.getByRole("link", { name: "gebruiksvoorwaarden" })).toHaveAttribute("href", "/terms");
    await johnsPage.getByLabel("Wachtwoord").fill(PASSWORD);
    await johnsPage.getByLabel("Ik accepteer de gebruiksvoorwaarden").check();
    await johnsPage.getByRole("button", { name: "Nu registreren" }).click();
    await expectSuccessBox(johnsPage, "Uw account is actief");
  } finally {
    await invitee.close();
  }
});

test("public path: from PROFIS Engineering to Registreren, one click on Activeer account, then Doorgaan naar PROFIS Engineering", async ({
  page,
}) => {
  const email = uniqueEmail("publiek");
  await page.goto("/launch/profis-engineering");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByRole("link", { name: "Registreren" }).click();
  await expect(page).toHaveURL(/\/register\?product=PROFIS_ENGINEERING$/);

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Voornaam").fill("Sanne");
  await page.getByLabel("Achternaam").fill("Visser");
  await page.getByLabel("Ik accepteer de gebruiksvoorwaarden").check();
  // A common Dutch password is refused with a translated reason, and nothing is registered.
  await page.getByLabel("Wachtwoord").fill("Welkom123456");
  await page.getByRole("button", { name: "Nu registreren" }).click();
  await expect(page.getByText("Dit wachtwoord is te makkelijk te raden")).toBeVisible();
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Nu registreren" }).click();
  await expect(page.getByRole("heading", { name: "Controleer uw e-mail" })).toBeVisible();

  // One click: the mail's "Activeer account" opens a page that activates as it opens.
  const mail = await newestMailText(page, email);
  expect(mail).toContain("Activeer account");
  const verifyPath = await openMailLink(page, email, "/verify-email");
  await page.goto(verifyPath);
  await expectSuccessBox(page, "Uw account is geactiveerd");
});

test("signed out, a group link leads to the group after sign-in", async ({ page, browser }) => {
  // Find the group's address as a signed-in admin, then open it in a fresh, signed-out browser.
  await page.goto("/sign-in");
  await page.getByLabel("E-mailadres").fill(ADMIN_EMAIL);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();
  await expect(page).toHaveURL(/\/software-management\/[^/]+$/);
  const groupPath = new URL(page.url()).pathname;

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(groupPath);
  await expect(visitor).toHaveURL(/\/sign-in\?callbackUrl=/);
  await visitor.getByLabel("E-mailadres").fill(ADMIN_EMAIL);
  await visitor.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await visitor.getByRole("button", { name: "Aanmelden" }).click();
  await expect(visitor).toHaveURL(new RegExp(`${groupPath}$`));
  await expect(visitor.getByRole("heading", { name: "Licentiegroep 1" })).toBeVisible();
  await context.close();
});

test("a saved link to a De Vries group, opened while working for Constructie Peeters, asks to switch and then shows the group under its own company", async ({
  page,
}) => {
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  const groupPath = await openGroup(page);
  try {
    await chooseCompany(page, BELGIAN_COMPANY, "België");
    for (const path of [groupPath, `${groupPath}/add-user`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: `Deze pagina hoort bij ${DUTCH_COMPANY} – Nederland` })).toBeVisible();
      await expect(userMenuButton(page)).toContainText(`${BELGIAN_COMPANY} – België`);
      // Nothing of De Vries's is shown under Peeters's name: no grid, no form, no CSV.
      await expect(page.getByRole("grid")).toHaveCount(0);
      await expect(page.getByLabel("E-mailadres")).toHaveCount(0);
      await expect(page.getByRole("link", { name: /CSV/ })).toHaveCount(0);
      await expect(page.getByRole("link", { name: `Blijf bij ${BELGIAN_COMPANY}` })).toHaveAttribute("href", "/software-management");
    }
    await page.goto(groupPath);
    await page.getByRole("button", { name: `Overstappen naar ${DUTCH_COMPANY}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Licentiegroep 1" })).toBeVisible();
    await expect(page.getByRole("grid")).toBeVisible();
    await expect(userMenuButton(page)).toContainText(`${DUTCH_COMPANY} – Nederland`);
    await expect(page).toHaveURL(new RegExp(`${groupPath}$`));
  } finally {
    await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  }
});
