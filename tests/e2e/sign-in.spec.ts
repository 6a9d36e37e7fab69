import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL } from "./support/demo";

const genericError = "Aanmelden is niet gelukt. Controleer uw e-mailadres en wachtwoord.";

async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
}

test("a wrong password and an unknown address get the same translated message (R8)", async ({ page }) => {
  await attemptSignIn(page, ADMIN_EMAIL, "not-the-password");
  await expect(page.locator("#sign-in-error")).toHaveText(genericError);
  await expect(page.locator("#sign-in-error")).toHaveAttribute("role", "alert");
  await expect(page).toHaveURL(/\/sign-in/);

  await attemptSignIn(page, "nobody@demo.example", "not-the-password");
  await expect(page.locator("#sign-in-error")).toHaveText(genericError);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signed-out visitors of the portal are sent to the sign-in page", async ({ page }) => {
  await page.goto("/my-software");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fmy-software$/);
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
});

test("the register and forgot-password pages render translated", async ({ page }) => {
  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1, name: "Registreren" })).toBeVisible();
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" })).toBeVisible();
});
