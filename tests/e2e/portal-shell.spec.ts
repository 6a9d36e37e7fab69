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

test("the site serves what a browser and a crawler ask for: icons, the web manifest and a robots.txt that keeps crawlers out", async ({
  page,
  request,
}) => {
  await page.goto("/sign-in");
  const icons = await page
    .locator('head link[rel="icon"], head link[rel="apple-touch-icon"], head link[rel="manifest"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(icons).toEqual(expect.arrayContaining(["/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/manifest.webmanifest"]));
  const expected: Record<string, string> = {
    "/favicon.ico": "image/x-icon",
    "/icon.svg": "image/svg+xml",
    "/apple-touch-icon.png": "image/png",
    "/icon-192.png": "image/png",
    "/icon-512.png": "image/png",
    "/manifest.webmanifest": "application/manifest+json",
    "/robots.txt": "text/plain",
  };
  for (const [path, type] of Object.entries(expected)) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
  }
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as { icons: { src: string }[] };
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  expect(await (await request.get("/robots.txt")).text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
});
