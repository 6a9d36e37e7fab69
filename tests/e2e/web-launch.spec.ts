// The end user's web side in Dutch: My software → Open → /launch/<product> → the stand-in
// web application (another origin in this run: APP_BASE_URL is localhost, the tests use 127.0.0.1),
// which verifies the launch token with the published key and shows the level (R1, R2, R20, R23).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn, USER_EMAIL } from "./support/demo";
import { registerIdentity, uniqueEmail } from "./support/identity";
import { seedWebFloating } from "./support/web-launch";

const STAND_IN = /\/apps\/profis-engineering\/workspace/;

// Each test signs in (Argon2id), seeds through tsx or runs axe twice: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
    name,
  ).toEqual([]);
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("R23/R1: My software lists web and desktop licenses; Open starts the web application at the licensed level", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, USER_EMAIL);
  await page.goto("/my-software");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn software" })).toBeVisible();

  // R21/R22: a desktop license shows its download and activation key, with a copy button.
  const layout = page.getByRole("article", { name: "PROFIS Layout Office" });
  await expect(layout.getByRole("link", { name: "Download desktop software PROFIS Layout Office" })).toBeVisible();
  const key = (await layout.locator("code").textContent())!.trim();
  expect(key.length).toBeGreaterThan(8);
  await layout.getByRole("button", { name: "Kopiëren activeringssleutel van PROFIS Layout Office" }).click();
  await expect(layout.getByRole("status")).toHaveText("De activeringssleutel van PROFIS Layout Office staat op het klembord.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expectAccessible(page, "My software");

  await page.getByRole("article", { name: "PROFIS Engineering" }).getByRole("link", { name: "Software openen PROFIS Engineering" }).click();
  await expect(page).toHaveURL(STAND_IN);
  // The token has left the address bar: the stand-in keeps its own session.
  expect(page.url()).not.toContain("launch_token");
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, Jan Jansen" })).toBeVisible();
  await expect(page.getByText(`Aangemeld als ${USER_EMAIL}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Uw licentie" })).toContainText("Gelicentieerd");
  await page.reload();
  await expect(page.getByRole("region", { name: "Uw licentie" })).toContainText("Gelicentieerd");
  await expectAccessible(page, "stand-in web application");

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByText("U bent uitgelogd. Uw plaats is vrij voor een collega.")).toBeVisible();
});

test("R2: one seat, two browsers: the second is told the seat is in use until the first logs out, then gets in", async ({ browser }) => {
  const [firstEmail, secondEmail] = [uniqueEmail("eerste"), uniqueEmail("tweede")];
  seedWebFloating(firstEmail, secondEmail);
  const first = await signedInPage(browser, firstEmail);
  const second = await signedInPage(browser, secondEmail);

  await first.goto("/launch/profis-engineering");
  await expect(first).toHaveURL(STAND_IN);
  await expect(first.getByRole("region", { name: "Uw licentie" })).toContainText("Gelicentieerd");
  await expect(first.getByText(/is tot \d{1,2}:\d{2} voor u gereserveerd/)).toBeVisible();

  await second.goto("/launch/profis-engineering");
  await expect(second).toHaveURL(/\/launch\/profis-engineering\/unavailable/);
  await expect(second.getByRole("heading", { level: 1, name: "Alle plaatsen zijn bezet" })).toBeVisible();
  await expect(second.getByText("PROFIS Engineering: de enige plaats is op dit moment in gebruik door collega's.")).toBeVisible();
  await expect(second.getByText(/Uiterlijk om .+ komt er een plaats vrij/)).toBeVisible();
  await expectAccessible(second, "seats in use");

  // The same browser opening it again keeps its own seat (its browser-session cookie); the other still waits.
  await first.goto("/launch/profis-engineering");
  await expect(first).toHaveURL(STAND_IN);
  await second.getByRole("link", { name: "Opnieuw proberen" }).click();
  await expect(second.getByRole("heading", { level: 1, name: "Alle plaatsen zijn bezet" })).toBeVisible();

  await first.getByRole("button", { name: "Uitloggen" }).click();
  await expect(first.getByText("U bent uitgelogd. Uw plaats is vrij voor een collega.")).toBeVisible();
  await second.getByRole("link", { name: "Opnieuw proberen" }).click();
  await expect(second).toHaveURL(STAND_IN);
  await expect(second.getByRole("heading", { level: 1, name: "Welkom, Tweede Gebruiker" })).toBeVisible();
  await expect(second.getByRole("region", { name: "Uw licentie" })).toContainText("Gelicentieerd");

  await first.context().close();
  await second.context().close();
});

test("R20/R8: a user without a license who opens the software signs in first and then gets a trial", async ({ page }) => {
  const email = uniqueEmail("proef");
  registerIdentity(email, "Petra", "Proef");
  await page.goto("/launch/profis-engineering");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Flaunch%2Fprofis-engineering/);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Aanmelden" }).click();

  await expect(page).toHaveURL(STAND_IN);
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, Petra Proef" })).toBeVisible();
  const license = page.getByRole("region", { name: "Uw licentie" });
  await expect(license).toContainText("Proeflicentie");
  await expect(license).toContainText(/Uw proeflicentie loopt tot \d{1,2} \w+ \d{4}\./);
});
