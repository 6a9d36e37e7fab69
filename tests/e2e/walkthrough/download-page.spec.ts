// In Dutch: "Download desktop software" (R21, R22) leads to a download page a customer
// understands — in the portal's layout, the product with its version and installer, the user's
// activation key with a copy button, and the three steps — with nothing cut off at the card's edge
// and no developer placeholders. Signed out, the link comes back to the page after sign-in.
import AxeBuilder from "@axe-core/playwright";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USER_EMAIL, signIn } from "../support/demo";
import { registerIdentity, uniqueEmail } from "../support/identity";

test.describe.configure({ timeout: 90_000 });

test("from My software to a download page with the installer, the key to copy and three steps", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, USER_EMAIL);
  await page.goto("/my-software");
  const card = page.getByRole("article", { name: "PROFIS Layout Office" });
  const keyOnCard = (await card.locator("code").textContent())!.trim();
  await card.getByRole("link", { name: "Download desktop software PROFIS Layout Office" }).click();

  await expect(page).toHaveURL(/\/downloads\/profis-layout-office$/);
  await expect(page.getByRole("heading", { level: 1, name: "PROFIS Layout Office downloaden" })).toBeVisible();
  // The portal's layout: its navigation and the user menu are there.
  await expect(page.getByRole("navigation").getByRole("link", { name: "Mijn software" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Naar Mijn software" })).toBeVisible();

  const installer = page.getByRole("region", { name: "Installatieprogramma" });
  await expect(installer).toContainText("2026.2");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    installer.getByRole("link", { name: "Download PROFIS Layout Office 2026.2" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("PROFIS-Layout-Office-2026.2-placeholder.txt");
  expect(await readFile((await download.path())!, "utf8")).toContain("PROFIS Layout Office 2026.2");

  // The user's own key, the one My software shows, with a copy button.
  const keyRegion = page.getByRole("region", { name: "Uw activeringssleutel" });
  await expect(keyRegion.locator("code")).toHaveText(keyOnCard);
  await keyRegion.getByRole("button", { name: "Kopiëren activeringssleutel van PROFIS Layout Office" }).click();
  await expect(keyRegion.getByRole("status")).toHaveText("De activeringssleutel van PROFIS Layout Office staat op het klembord.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(keyOnCard);

  // Three steps: install, sign in, enter the key.
  const steps = page.getByRole("region", { name: "Zo gaat u aan de slag" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("Installeer PROFIS Layout Office");
  await expect(steps.nth(1)).toContainText(USER_EMAIL);
  await expect(steps.nth(2)).toContainText("activeringssleutel");
  await expect(page.locator("main")).not.toContainText("<portal>");
  await expect(page.locator("main")).not.toContainText("npm ci");

  // Nothing sticks out of the page or its cards, also with the developer's section opened.
  await page.getByText("Zonder de echte software testen").click();
  const overflow = await page.evaluate(() => {
    const wide = [...document.querySelectorAll("main *")].filter(
      (element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible",
    );
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      elements: wide.map((element) => element.tagName),
    };
  });
  expect(overflow).toEqual({ page: 0, elements: [] });

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(
    results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => violation.id),
  ).toEqual([]);
});

test("a product without a download is a 404; signed out, the download link returns to its page after sign-in", async ({
  page,
  request,
}) => {
  expect((await request.get("/downloads/profis-engineering/installer")).status()).toBe(404);
  expect((await request.get("/downloads/no-such-product/installer")).status()).toBe(404);

  await page.goto("/downloads/profis-detection-office");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("E-mailadres").fill(USER_EMAIL);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page).toHaveURL(/\/downloads\/profis-detection-office$/);
  await expect(page.getByRole("heading", { level: 1, name: "PROFIS Detection Office downloaden" })).toBeVisible();
  // A web application has no download page.
  expect((await page.goto("/downloads/profis-engineering"))?.status()).toBe(404);
});

test("someone in no company sees the download, but no key — a key is only ever the user's own", async ({ page }) => {
  const email = uniqueEmail("zonder-bedrijf");
  registerIdentity(email, "Zara", "Zonderbedrijf");
  await signIn(page, email);
  await page.goto("/downloads/profis-layout-office");
  await expect(page.getByRole("heading", { level: 1, name: "PROFIS Layout Office downloaden" })).toBeVisible();
  const keyRegion = page.getByRole("region", { name: "Uw activeringssleutel" });
  await expect(keyRegion).toContainText("U bent nog aan geen enkel bedrijf gekoppeld");
  // A whole key (five groups of five, lib/licenses/activation-key.ts): the page also shows the
  // user's address, whose random part may hold five digits and a dash.
  await expect(page.locator("main code").filter({ hasText: /[0-9A-Z]{5}(-[0-9A-Z]{5}){4}/ })).toHaveCount(0);
});
