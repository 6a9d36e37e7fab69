// Every page works at a phone's width (390 px). Each page is screenshotted (kept
// with the test's results) and asserted not to scroll sideways: only boxes meant to scroll (the
// grid, wide tables) may be wider than the screen, inside their own scroll area. The three
// complaints of the walk-through are checked as such: the user menu stays on the screen, the
// overview fits, and the Save bar never covers the grid's last row.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, chooseCompany, DUTCH_COMPANY, signIn, STAFF_EMAIL, USER_EMAIL, userMenuButton } from "../support/demo";
import { registerIdentity, uniqueEmail } from "../support/identity";
import { fillBillingAddress, queryDatabase } from "../support/shop";

test.describe.configure({ timeout: 180_000 });

const WIDTH = 390;

/** The page has rendered its heading; it does not scroll sideways; a full-page screenshot is kept. */
async function expectFitsPhone(page: Page, name: string, path?: string): Promise<void> {
  if (path) await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  const sticking = await page.evaluate((width) => {
    // Elements reaching past the screen that are not inside a box that scrolls sideways itself.
    const scrollsItself = (element: Element) => {
      for (let node: Element | null = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const overflowX = getComputedStyle(node).overflowX;
        if (overflowX === "auto" || overflowX === "scroll" || overflowX === "hidden" || overflowX === "clip") return true;
      }
      return false;
    };
    const out = [...document.body.querySelectorAll("*")].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1 && !scrollsItself(element);
    });
    return {
      scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      out: out.slice(0, 5).map((element) => `${element.tagName}.${element.className}`.slice(0, 120)),
    };
  }, WIDTH);
  expect(sticking, name).toEqual({ scroll: 0, out: [] });
}

test("signed out: sign-in, register, forgot password, reset, terms, join and verify", async ({ page }) => {
  for (const [name, path] of [
    ["sign-in", "/sign-in"],
    ["register", "/register"],
    ["forgot-password", "/forgot-password"],
    ["reset-password", "/reset-password?token=not-a-token"],
    ["terms", "/terms"],
    ["join", "/join?token=not-a-token"],
    ["verify-email", "/verify-email?token=not-a-token"],
  ] as const) {
    await expectFitsPhone(page, name, path);
  }
});

test("a new buyer: shop, checkout, order, the new company's Software Beheer, group, Add user, users, audit, profile", async ({ page }) => {
  const email = uniqueEmail("telefoon");
  registerIdentity(email, "Tess", `Telefoon${randomBytes(2).toString("hex")}`);
  await signIn(page, email);
  await expectFitsPhone(page, "my-software-empty", "/my-software");
  await expectFitsPhone(page, "shop", "/shop");
  await expectFitsPhone(page, "contact-sales", "/shop/contact-sales?product=PROFIS_ENGINEERING");
  await expectFitsPhone(
    page,
    "checkout",
    "/shop/checkout?kind=NEW_LICENSE&product=PROFIS_ENGINEERING&edition=STANDARD&type=NAMED_USER&seats=2",
  );
  await page.getByLabel("Bedrijfsnaam").fill(`Telefoonbouw ${randomBytes(3).toString("hex")} B.V.`);
  await page.getByLabel("Land").selectOption("NL");
  await fillBillingAddress(page);
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(page).toHaveURL(/\/shop\/orders\/[0-9a-f-]{36}$/);
  await expectFitsPhone(page, "order");
  await expectFitsPhone(page, "invoice", `${new URL(page.url()).pathname}/invoice`);

  await expectFitsPhone(page, "software-management-new-company", "/software-management");
  // The shop named the new company's group after the company.
  await page.getByRole("main").getByRole("heading", { level: 3 }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/software-management\/[0-9a-f-]{36}$/);
  const groupPath = new URL(page.url()).pathname;
  await expectFitsPhone(page, "group-new-company");
  await expectFitsPhone(page, "add-user", `${groupPath}/add-user`);
  await expectFitsPhone(page, "company-users", "/software-management/users");
  await expectFitsPhone(page, "audit", "/software-management/audit");
  await expectFitsPhone(page, "orders", "/software-management/orders");
  await expectFitsPhone(page, "profile", "/profile");
  await expectFitsPhone(page, "change-company", "/change-company");
});

test("the demo admin: the user menu stays on the screen, the overview fits, and the Save bar never covers the last row", async ({
  page,
}) => {
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  await expectFitsPhone(page, "software-management", "/software-management");

  // The user menu, open: inside the screen.
  await userMenuButton(page).click();
  const menu = page.getByRole("link", { name: "Wijzig bedrijf" }).locator("xpath=ancestor::div[1]");
  for (const box of [await userMenuButton(page).boundingBox(), await menu.boundingBox()]) {
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
  }
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();
  await expect(page.getByRole("grid")).toBeVisible();
  await expect(page.locator("[data-user-stream]")).toHaveAttribute("data-user-stream", "complete");
  await expectFitsPhone(page, "group");
  // With a pending change the Save bar shows; at the end of the list the last row is above it.
  await page.getByRole("grid").getByRole("checkbox").first().click();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const bar = page.getByRole("button", { name: "Opslaan", exact: true }).locator("xpath=ancestor::div[contains(@class,'sticky')][1]");
  const lastRow = page.getByRole("grid").getByRole("row").last();
  await expect(lastRow).toBeVisible();
  const [rowBox, barBox] = [await lastRow.boundingBox(), await bar.boundingBox()];
  expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(barBox!.y + 1);
  await page.getByRole("button", { name: "Verwerpen" }).click();
});

test("a user: My software, the download page, the launch pages", async ({ page }) => {
  await signIn(page, USER_EMAIL);
  await expectFitsPhone(page, "my-software", "/my-software");
  await expectFitsPhone(page, "download", "/downloads/profis-layout-office");
  await expectFitsPhone(page, "launch-unavailable", "/launch/profis-engineering/unavailable");
  await expectFitsPhone(page, "not-an-admin", "/software-management");
  await expectFitsPhone(page, "not-found", "/no-such-page");
});

test("staff: the back office, a company, a license, its audit, orders, sales leads, a new company; the dev mailbox", async ({ page }) => {
  const [company] = await queryDatabase<{ id: string; licenseId: string }>(
    `SELECT c."id", l."id" AS "licenseId" FROM "Company" c JOIN "LicenseGroup" g ON g."companyId" = c."id" JOIN "License" l ON l."groupId" = g."id" WHERE c."sapAccountNumber" = '0001000001' LIMIT 1`,
  );
  await signIn(page, STAFF_EMAIL);
  await expectFitsPhone(page, "backoffice", "/backoffice");
  await expectFitsPhone(page, "backoffice-company", `/backoffice/companies/${company!.id}`);
  await expectFitsPhone(page, "backoffice-license", `/backoffice/companies/${company!.id}/licenses/${company!.licenseId}`);
  await expectFitsPhone(page, "backoffice-company-audit", `/backoffice/companies/${company!.id}/audit`);
  await expectFitsPhone(page, "backoffice-orders", "/backoffice/orders");
  await expectFitsPhone(page, "backoffice-sales-leads", "/backoffice/sales-leads");
  await expectFitsPhone(page, "backoffice-new-company", "/backoffice/companies/new");
  await expectFitsPhone(page, "mailbox", "/mailbox");
  // The demo's seed sent mail, so the mailbox has some: the newest one, opened.
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expectFitsPhone(page, "mail");
});
