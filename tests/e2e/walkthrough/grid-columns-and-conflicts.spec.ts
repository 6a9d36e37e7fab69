// A walk-through in Dutch of the grid for a real company (decision 020). Licenses of one product,
// type and term are one column with their seats (the demo's three node-locked PROFIS Layout Office
// licenses: one column "3 / 3", no #1 #2 #3), every column fits a 1366 px screen, and the users
// scroll with the page instead of in a box of seven rows. After another admin took the last
// seat, the stale admin's tick is marked as no longer fitting, the counter never reads "6 / 5", and
// Opslaan stays closed until the tick is removed.
// Uses Anneke Koster and Finn Bos, whom no other spec touches, and restores what it changes.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, chooseCompany, DUTCH_COMPANY, signIn } from "../support/demo";
import { saveAndConfirm } from "../support/grid";

const NAMED = "PROFIS Engineering Named user";
const LAYOUT = "PROFIS Layout Office Node-locked";

async function openGroup(page: Page): Promise<void> {
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();
  await expect(page.getByRole("grid")).toBeVisible();
}

const grid = (page: Page) => page.getByRole("grid");
const box = (page: Page, license: string, person: string) =>
  grid(page).getByRole("checkbox", { name: `${license} toewijzen aan ${person}`, exact: true });
const column = (page: Page, license: string) => grid(page).getByRole("columnheader", { name: new RegExp(`^${license}`) });
const search = (page: Page, query: string) => page.getByRole("searchbox", { name: "Zoeken" }).fill(query);

test.use({ viewport: { width: 1366, height: 768 } });

test("one column per kind of license with the overview's figures, every column on a 1366 px screen, the users in the page's own scroll", async ({
  page,
}) => {
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  // The overview says what each number counts; the node-locked kind is one line too.
  await page.goto("/software-management");
  const overview = page.getByRole("table", { name: /Licentiegroep 1/ });
  const layoutLine = overview.getByRole("row").filter({ hasText: "PROFIS Layout Office" });
  await expect(layoutLine).toHaveCount(1);
  await expect(layoutLine).toContainText("3 van 3 toegewezen");
  const activated = (await layoutLine.textContent())!.match(/(\d) van 3 geactiveerd/)![0];
  await expect(overview.getByRole("row").filter({ hasText: "Multi-user (floating)" }).first()).toContainText(/\d van \d nu in gebruik/);

  await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();
  await expect(page.getByRole("grid")).toBeVisible();
  const layout = column(page, LAYOUT);
  await expect(layout).toHaveCount(1);
  await expect(layout).toContainText("3 / 3");
  // The same figure, in the same words, in the grid.
  await expect(layout).toContainText(activated);
  await expect(grid(page).getByRole("columnheader", { name: /#\d/ })).toHaveCount(0);
  await expect(grid(page)).not.toContainText("#1");

  // Every column header is on the screen, none cut off at the right.
  const headers = grid(page).getByRole("columnheader");
  for (let index = 0; index < (await headers.count()); index++) {
    const bounds = (await headers.nth(index).boundingBox())!;
    expect(bounds.x + bounds.width, `column ${index + 1} ends on the screen`).toBeLessThanOrEqual(1366);
  }

  // No inner scroll box: the grid is as tall as its rows (the demo company has 52 people), the
  // window scrolls, and the header row stays in view below the portal's header.
  const gridBox = (await grid(page).boundingBox())!;
  expect(gridBox.height).toBeGreaterThan(40 * 56);
  // The grid itself never scrolls up and down (the old inner box of about seven rows did).
  expect(await grid(page).evaluate((element) => element.scrollHeight - element.clientHeight)).toBeLessThanOrEqual(1);
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  const header = (await grid(page).getByRole("row").first().boundingBox())!;
  expect(header.y).toBeGreaterThanOrEqual(60);
  expect(header.y).toBeLessThan(80);
  // A row far down the list is rendered once the page scrolled to it.
  await page.mouse.wheel(0, 4000);
  await expect(
    grid(page)
      .getByRole("rowheader", { name: /Yılmaz|Zwart|Visser/ })
      .first(),
  ).toBeVisible();
});

test("after another admin took the last seat, the stale tick is marked, the counter stays 5 / 5 and Opslaan is closed", async ({
  page,
  browser,
}) => {
  await openGroup(page);
  const other = await browser.newPage({ locale: "nl-NL", viewport: { width: 1366, height: 768 } });
  await openGroup(other);
  const counter = (on: Page) => column(on, NAMED).getByLabel(/licenties toegewezen/);
  await expect(counter(page)).toHaveText("4 / 5");

  // Admin A takes the fifth named seat for Anneke Koster.
  await search(page, "anneke koster");
  await box(page, NAMED, "Anneke Koster").click();
  await expect(counter(page)).toHaveText("5 / 5");
  await saveAndConfirm(page, "1 nieuwe toegewezen licentie");

  try {
    // Admin B, on the page read before, gives Finn Bos a seat that no longer exists.
    await search(other, "finn bos");
    await box(other, NAMED, "Finn Bos").click();
    await other.getByRole("button", { name: "Opslaan", exact: true }).click();
    await other.getByRole("dialog").getByRole("button", { name: "Ja" }).click();
    await expect(other.getByRole("alert").filter({ hasText: "Iemand anders heeft deze licentiegroep intussen gewijzigd" })).toBeVisible();

    // Reloaded: the tick is still there, marked as not fitting; the counter shows the seats, not 6 / 5.
    const finn = box(other, NAMED, "Finn Bos");
    await expect(finn.locator("xpath=..")).toContainText("past niet");
    await expect(counter(other)).toHaveText("5 / 5");
    await expect(column(other, NAMED)).toContainText("+1 past niet");
    await expect(column(other, NAMED)).not.toContainText("6 / 5");
    await expect(other.getByRole("alert").filter({ hasText: "1 nieuw vinkje past niet meer" })).toBeVisible();
    await expect(other.getByRole("button", { name: "Opslaan", exact: true })).toBeDisabled();
    // Enter in the grid, which saves (R32), opens no confirmation either.
    await finn.focus();
    await other.keyboard.press("Enter");
    await expect(other.getByRole("dialog")).toBeHidden();

    // Removing the tick leaves nothing to save and nothing marked.
    await finn.click();
    await expect(finn).toHaveAttribute("aria-checked", "false");
    await expect(other.getByText("Geen openstaande wijzigingen")).toBeVisible();
    await expect(column(other, NAMED)).not.toContainText("past niet");
  } finally {
    // Restore: Anneke's seat is revoked again.
    await search(page, "anneke koster");
    await box(page, NAMED, "Anneke Koster").click();
    await saveAndConfirm(page, "1 ingetrokken licentie");
    await other.close();
  }
});
