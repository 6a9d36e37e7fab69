import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, BELGIAN_COMPANY, DUTCH_COMPANY, USER_EMAIL, chooseCompany, signIn, userMenuButton } from "./support/demo";

test("an admin sees Software management and changes company from the top-right menu (R11)", async ({ page }) => {
  await signIn(page, ADMIN_EMAIL);
  // Start from a known company context, whatever an earlier run left behind.
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  try {
    await expect(userMenuButton(page)).toHaveText(`Anna de Vries · ${DUTCH_COMPANY} – Nederland`);
    const navigation = page.getByRole("navigation", { name: "Hoofdnavigatie" });
    await expect(navigation.getByRole("link", { name: "Software Beheer" })).toBeVisible();
    await expect(navigation.getByRole("link", { name: "Mijn software" })).toBeVisible();

    await userMenuButton(page).click();
    await page.getByRole("link", { name: "Wijzig bedrijf" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Wijzig bedrijf" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "België" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Nederland" })).toBeVisible();
    await page.getByRole("button", { name: `Kies ${BELGIAN_COMPANY} – België` }).click();

    await expect(userMenuButton(page)).toHaveText(`Anna de Vries · ${BELGIAN_COMPANY} – België`);
    await expect(page.getByRole("heading", { level: 1, name: "Software Beheer" })).toBeVisible();
    await expect(page.getByText(BELGIAN_COMPANY, { exact: false }).first()).toBeVisible();
  } finally {
    await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  }
});

test("a user who is not an admin does not see Software management", async ({ page }) => {
  await signIn(page, USER_EMAIL);
  await expect(page).toHaveURL(/\/my-software$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mijn software" })).toBeVisible();
  await expect(userMenuButton(page)).toContainText(`${DUTCH_COMPANY} – Nederland`);
  const navigation = page.getByRole("navigation", { name: "Hoofdnavigatie" });
  await expect(navigation.getByRole("link", { name: "Mijn software" })).toBeVisible();
  await expect(navigation.getByRole("link", { name: "Software Beheer" })).toHaveCount(0);

  await page.goto("/software-management");
  await expect(page.getByRole("heading", { level: 1, name: "Software Beheer is voor softwarebeheerders" })).toBeVisible();
});

test("signing out from the menu returns to the sign-in page", async ({ page }) => {
  await signIn(page, USER_EMAIL);
  await userMenuButton(page).click();
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/my-software");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fmy-software$/);
});
