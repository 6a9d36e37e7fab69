// R11: "Software management" only for admins of the current company; for anyone else its routes
// do not exist (404), whatever they type.
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, signIn, USER_EMAIL } from "./support/demo";

test("a USER does not see Software management and its route answers 404", async ({ page }) => {
  await signIn(page, USER_EMAIL);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Software Beheer" })).toHaveCount(0);
  const response = await page.goto("/software-management");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
});

test("an ADMIN of the current company sees Software management", async ({ page }) => {
  await signIn(page, ADMIN_EMAIL);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Software Beheer" })).toBeVisible();
  const response = await page.goto("/software-management");
  expect(response?.status()).toBe(200);
});
