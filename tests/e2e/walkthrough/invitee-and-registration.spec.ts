// Issue 14, Dutch walk-through: an invited colleague and the end of registration.
// Item 10 (links keep their target after sign-in) is covered; items 1 and 2 are still to come.
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, DEMO_PASSWORD, DUTCH_COMPANY, chooseCompany } from "../support/demo";

test("signed out, a group link leads to the group after sign-in (issue 14 item 10)", async ({ page, browser }) => {
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
