import { expect, type Page } from "@playwright/test";

// The demo logins `npm start` seeds (lib/demo/seed-demo-data.ts).
export const DEMO_PASSWORD = "Demo-Password-2026";
export const ADMIN_EMAIL = "admin@demo.example";
export const USER_EMAIL = "user@demo.example";
export const STAFF_EMAIL = "staff@demo.example";
export const DUTCH_COMPANY = "Bouwbedrijf De Vries B.V.";
export const BELGIAN_COMPANY = "Constructie Peeters NV";

/** Signs in through the Dutch sign-in page and waits for the portal (of the project's app, or of the instance at `baseUrl`). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { baseUrl?: string } = {}): Promise<void> {
  await page.goto(`${options.baseUrl ?? ""}/sign-in`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The top-right menu button (R11): "name · company – country". */
export function userMenuButton(page: Page) {
  return page.getByRole("banner").getByRole("button", { name: / · / });
}

/** Chooses a company on the Change company page, whatever the current one is (of the project's app, or of the instance at `baseUrl`). */
export async function chooseCompany(page: Page, company: string, country: string, options: { baseUrl?: string } = {}): Promise<void> {
  await page.goto(`${options.baseUrl ?? ""}/change-company`);
  await page.getByRole("button", { name: `Kies ${company} – ${country}` }).click();
  await expect(page).not.toHaveURL(/\/change-company/);
}
