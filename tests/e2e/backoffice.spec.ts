import { expect, test } from "@playwright/test";
import { STAFF_EMAIL, USER_EMAIL, signIn } from "./support/demo";

test("a signed-in user who is not staff gets the 404 page on /backoffice", async ({ page }) => {
  await signIn(page, USER_EMAIL);
  const response = await page.goto("/backoffice");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
});

test("a signed-out visitor gets the 404 page on /backoffice", async ({ page }) => {
  const response = await page.goto("/backoffice");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
});

test("staff reach the back office", async ({ page }) => {
  await signIn(page, STAFF_EMAIL);
  await page.goto("/backoffice");
  await expect(page.getByRole("heading", { level: 1, name: "Back office" })).toBeVisible();
});
