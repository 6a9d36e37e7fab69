// R32: axe-core finds no serious or critical violation (WCAG 2 A and AA) on the portal's pages,
// the group grid with its confirmation dialog included. Changes nothing: the one tick is discarded.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, chooseCompany, DUTCH_COMPANY, signIn, STAFF_EMAIL } from "./support/demo";
import { registerIdentity, uniqueEmail } from "./support/identity";
import { fillBillingAddress } from "./support/shop";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** One line per violation and offending element, so a failure reads without the trace. */
function describe(violations: AxeResults["violations"]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map(
        (node) => `    ${node.target.join(" ")}\n      ${node.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`,
      );
      return `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join("\n")}`;
    })
    .join("\n\n");
}

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious, `${name}: axe found serious or critical violations\n\n${describe(serious)}`).toEqual([]);
}

test("sign-in", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByLabel("E-mailadres")).toBeVisible();
  await expectNoSeriousViolations(page, "sign-in");
});

test.describe("signed in as admin", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ADMIN_EMAIL);
    await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  });

  test("My software", async ({ page }) => {
    await page.goto("/my-software");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, "My software");
  });

  test("Software management and the audit log", async ({ page }) => {
    await page.goto("/software-management");
    await expect(page.getByRole("link", { name: "Licentiegroep 1", exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, "Software management");

    await page.goto("/software-management/audit");
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoSeriousViolations(page, "audit log");
  });

  test("the group page, its confirmation dialog and Add user", async ({ page }) => {
    await page.goto("/software-management");
    await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();
    await expect(page).toHaveURL(/\/software-management\/[0-9a-f-]{36}$/);
    const groupUrl = new URL(page.url()).pathname;
    const grid = page.getByRole("grid");
    await expect(grid).toBeVisible();
    await expectNoSeriousViolations(page, "group page");

    // A pending tick (with its "new" badge) and the confirmation over it; discarded afterwards.
    await page.getByRole("searchbox", { name: "Zoeken" }).fill("mirjam bosman");
    await grid
      .getByRole("checkbox", { name: /toewijzen aan Mirjam Bosman$/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Wijzigingen bevestigen" });
    await expect(dialog).toBeVisible();
    await expectNoSeriousViolations(page, "group page with the confirmation");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Verwerpen" }).click();
    await expect(page.getByText("Geen openstaande wijzigingen")).toBeVisible();

    await page.goto(`${groupUrl}/add-user`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, "Add user");
  });

  test("the shop, its checkout and Contact sales", async ({ page }) => {
    await page.goto("/shop");
    await expect(page.getByRole("heading", { level: 1, name: "Winkel" })).toBeVisible();
    await expectNoSeriousViolations(page, "shop");

    await page.goto("/shop/checkout?kind=NEW_LICENSE&product=PROFIS_ENGINEERING&edition=STANDARD&type=FLOATING&seats=2");
    await page.getByRole("radio", { name: "Voor een nieuw bedrijf" }).check();
    await expect(page.getByLabel("Bedrijfsnaam")).toBeVisible();
    await expectNoSeriousViolations(page, "checkout");

    await page.goto("/shop/contact-sales");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, "Contact sales");
  });
});

test("an invoice and Orders and invoices (decision 021)", async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("axe-koper");
  registerIdentity(email, "Axel", "Koper");
  await signIn(page, email);
  await page.goto("/shop/checkout?kind=NEW_LICENSE&product=PROFIS_ENGINEERING&edition=STANDARD&type=NAMED_USER&seats=1");
  await page.getByLabel("Bedrijfsnaam").fill(`Toegankelijk ${Date.now()}`);
  await page.getByLabel("Land").selectOption("NL");
  await fillBillingAddress(page);
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(page).toHaveURL(/\/shop\/orders\/[0-9a-f-]{36}$/);
  await page.goto(`${new URL(page.url()).pathname}/invoice`);
  await expect(page.getByRole("heading", { level: 1, name: "Factuur" })).toBeVisible();
  await expectNoSeriousViolations(page, "invoice");
  await page.goto("/software-management/orders");
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoSeriousViolations(page, "orders and invoices");
});

test("the back office: search, a company, a license, orders", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, STAFF_EMAIL);
  await page.goto("/backoffice?q=vries");
  await expect(page.getByRole("link", { name: DUTCH_COMPANY }).first()).toBeVisible();
  await expectNoSeriousViolations(page, "back-office search");

  await page.getByRole("link", { name: DUTCH_COMPANY }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: DUTCH_COMPANY })).toBeVisible();
  await expectNoSeriousViolations(page, "back-office company");

  const licensePath = await page.getByRole("link", { name: "PROFIS Engineering (Named user) wijzigen" }).first().getAttribute("href");
  await page.goto(licensePath ?? "");
  await expect(page.getByLabel("Nieuw aantal plaatsen")).toBeVisible();
  await expectNoSeriousViolations(page, "back-office license");

  await page.goto("/backoffice/orders?show=all");
  await expect(page.getByRole("heading", { level: 1, name: "Bestellingen" })).toBeVisible();
  await expectNoSeriousViolations(page, "back-office orders");
});
