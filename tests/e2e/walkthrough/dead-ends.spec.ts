// In Dutch: the dead ends a customer can run into each offer the way on.
// - A member who is not a software administrator opens Software Beheer: told why, whom to ask, and
//   switched to the company they do administer.
// - A search without result offers "Gebruiker toevoegen"; adding someone who is already a member
//   links to them in the grid.
// - A locked box's tooltip is drawn over the next row, not under it.
// - Two licenses of one product are one card in Mijn software, each license named in it.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, BELGIAN_COMPANY, chooseCompany, DUTCH_COMPANY, signIn, userMenuButton } from "../support/demo";
import { saveAndConfirm } from "../support/grid";
import { addToDemoCompanies, registerIdentity, uniqueEmail } from "../support/identity";

const NAMED = "PROFIS Engineering Named user";
const FLOATING = "PROFIS Engineering Multi-user (floating)";
const LAYOUT = "PROFIS Layout Office Node-locked";

test.describe.configure({ timeout: 120_000 });

async function openGroup(page: Page): Promise<string> {
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();
  await expect(page.getByRole("grid")).toBeVisible();
  return new URL(page.url()).pathname;
}

const box = (page: Page, license: string, person: string) =>
  page.getByRole("grid").getByRole("checkbox", { name: `${license} toewijzen aan ${person}`, exact: true });

test("a member who is not a software administrator here is told so, whom to ask, and switched to the company they administer", async ({
  page,
}) => {
  const email = uniqueEmail("wisselaar");
  registerIdentity(email, "Wim", "Wisselaar");
  addToDemoCompanies(email, { belgianRole: "ADMIN" });
  await signIn(page, email);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");

  const response = await page.goto("/software-management");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Software Beheer is voor softwarebeheerders" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toHaveCount(0);
  await expect(page.locator("main")).toContainText(`U werkt nu voor ${DUTCH_COMPANY}, maar u bent daar geen softwarebeheerder.`);
  await expect(page.locator("main")).toContainText("Vraag het aan Anna de Vries");
  await expect(page.getByRole("link", { name: "Wijzig bedrijf" })).toHaveAttribute("href", "/change-company");
  await expect(page.locator("main")).toContainText(`U bent wel softwarebeheerder van`);

  await page.getByRole("button", { name: `Overstappen naar ${BELGIAN_COMPANY}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Software Beheer" })).toBeVisible();
  await expect(userMenuButton(page)).toContainText(BELGIAN_COMPANY);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Software Beheer" })).toBeVisible();
});

test("a search without result offers Gebruiker toevoegen; an existing member is linked to, and the link finds them in the grid", async ({
  page,
}) => {
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  const groupPath = await openGroup(page);

  await page.getByRole("searchbox", { name: "Zoeken" }).fill("John Onbekend");
  await expect(page.getByRole("grid")).toContainText("Niemand gevonden voor “John Onbekend”.");
  await page.getByRole("grid").getByRole("link", { name: "Gebruiker toevoegen" }).click();
  await expect(page).toHaveURL(new RegExp(`${groupPath}/add-user$`));

  // An address: the form opens with it filled in.
  await page.goto(groupPath);
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("john.onbekend@devries-bouw.example");
  await page.getByRole("grid").getByRole("link", { name: "john.onbekend@devries-bouw.example toevoegen als gebruiker" }).click();
  await expect(page.getByLabel("E-mailadres")).toHaveValue("john.onbekend@devries-bouw.example");

  // Someone already in the company: the answer links to them in the grid.
  await page.getByLabel("E-mailadres").fill("user@demo.example");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("user@demo.example is al een gebruiker van dit bedrijf.")).toBeVisible();
  await page.getByRole("link", { name: "Toon user@demo.example in de licentiegroep" }).click();
  await expect(page.getByRole("searchbox", { name: "Zoeken" })).toHaveValue("user@demo.example");
  await expect(page.getByRole("grid").getByRole("rowheader")).toHaveCount(1);
  await expect(page.getByRole("grid").getByRole("rowheader")).toContainText("Jan Jansen");
});

test("a locked box's reason is drawn over the next row, not under it", async ({ page }) => {
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  await openGroup(page);
  // The node-locked column is full (3 / 3): Anneke Koster's box is locked.
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("a");
  const locked = box(page, LAYOUT, "Anneke Koster");
  await expect(locked).toHaveAttribute("aria-disabled", "true");
  await locked.hover();
  const tooltip = locked.locator("xpath=..").getByText("Alle 3 licenties zijn toegewezen — trek er eerst een in");
  await expect(tooltip).toBeVisible();
  const bounds = (await tooltip.boundingBox())!;
  // The topmost element at the tooltip's lower part (over the next row) is the tooltip itself
  // (hit-testable for this check only: it ignores the pointer so as not to hide the box).
  await tooltip.evaluate((element) => ((element as HTMLElement).style.pointerEvents = "auto"));
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent ?? "", {
    x: bounds.x + bounds.width / 2,
    y: bounds.y + bounds.height - 4,
  });
  expect(onTop).toContain("Alle 3 licenties zijn toegewezen");
});

test("two licenses of one product are one card in Mijn software, naming each license", async ({ page, browser }) => {
  const email = uniqueEmail("twee-licenties");
  const lastName = `Dubbel${randomBytes(3).toString("hex")}`;
  registerIdentity(email, "Dirk", lastName);
  addToDemoCompanies(email);
  const person = `Dirk ${lastName}`;
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  await openGroup(page);
  await page.getByRole("searchbox", { name: "Zoeken" }).fill(lastName);
  await box(page, NAMED, person).click();
  await box(page, FLOATING, person).click();
  await saveAndConfirm(page, "2 nieuwe toegewezen licenties");

  try {
    const context = await browser.newContext({ locale: "nl-NL", baseURL: test.info().project.use.baseURL });
    const own = await context.newPage();
    await signIn(own, email);
    await chooseCompany(own, DUTCH_COMPANY, "Nederland");
    await own.goto("/my-software");
    const cards = own.getByRole("article", { name: "PROFIS Engineering" });
    await expect(cards).toHaveCount(1);
    await expect(cards).toContainText("Named user");
    await expect(cards).toContainText("Multi-user (floating)");
    await expect(cards.getByRole("link", { name: "Software openen PROFIS Engineering" })).toHaveCount(1);
    await context.close();
  } finally {
    await box(page, NAMED, person).click();
    await box(page, FLOATING, person).click();
    await saveAndConfirm(page, "2 ingetrokken licenties");
  }
});
