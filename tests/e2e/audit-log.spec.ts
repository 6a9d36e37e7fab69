// R24/R28 in Dutch: the company's audit log for its admins — linked from Software management,
// filtered by action, user and license, paginated, exported as CSV with the same filters; the
// grid exports as CSV; neither is reachable for another group or a plain user. Read-only.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, chooseCompany, DUTCH_COMPANY, signIn, USER_EMAIL } from "./support/demo";

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
});

test("R24: filter by action and user, then download the filtered CSV", async ({ page }) => {
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Auditlog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Auditlog" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Licentie toegewezen");

  const filters = page.getByRole("search", { name: "Auditlog filteren" });
  await filters.getByLabel("Actie").selectOption({ label: "Licentie toegewezen" });
  await filters.getByLabel("Gebruiker").fill("Jan Jansen");
  await filters.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/action=assignment.granted/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  for (const text of await rows.allInnerTexts()) if (!text.includes("Wanneer")) expect(text).toContain("Licentie toegewezen");
  await expect(page.getByRole("table")).toContainText("Jan Jansen");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV downloaden" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  // Dutch Excel's list separator is the semicolon; the BOM makes it read the accents as UTF-8.
  expect(csv.startsWith("\uFEFFWanneer;Actie;Door;")).toBe(true);
  const lines = csv.trim().split("\r\n").slice(1);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toContain(";Licentie toegewezen;");
  expect(csv).toContain("user@demo.example");

  await filters.getByRole("link", { name: "Wissen" }).click();
  await expect(page).toHaveURL(/\/software-management\/audit$/);
});

test("the grid exports as CSV; another group's or a plain user's export is a 404 (R28)", async ({ page, browser }) => {
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();
  await expect(page).toHaveURL(/\/software-management\/[0-9a-f-]{36}$/);
  const groupPath = new URL(page.url()).pathname;

  const response = await page.request.get(`${groupPath}/export.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="Licentiegroep-1-\d{4}-\d\d-\d\d\.csv"$/);
  const csv = await response.text();
  expect(csv.startsWith("\uFEFFAchternaam;Voornaam;E-mailadres;Functie;Rol;Status;PROFIS ")).toBe(true);
  expect(csv).toMatch(/\r\nJansen;Jan;user@demo\.example;Constructeur;Gebruiker;Geregistreerd;.*x/);

  // In English (the NEXT_LOCALE cookie, R29) the same export uses commas. The cookie goes with
  // this one request only, so the browser stays Dutch for the other specs.
  const cookies = (await page.context().cookies(page.url())).filter((cookie) => cookie.name !== "NEXT_LOCALE");
  const cookie = [...cookies.map((entry) => `${entry.name}=${entry.value}`), "NEXT_LOCALE=en"].join("; ");
  const english = await (await page.request.get(`${groupPath}/export.csv`, { headers: { cookie } })).text();
  expect(english.startsWith("\uFEFFLast name,First name,Email address,")).toBe(true);
  expect(english).toMatch(/\r\nJansen,Jan,user@demo\.example,Constructeur,/);

  expect((await page.request.get("/software-management/00000000-0000-4000-8000-000000000000/export.csv")).status()).toBe(404);
  const user = await browser.newPage({ locale: "nl-NL" });
  await signIn(user, USER_EMAIL);
  expect((await user.request.get(`${groupPath}/export.csv`)).status()).toBe(404);
  // The page says it is for software administrators, and shows no event.
  await user.goto("/software-management/audit");
  await expect(user.getByRole("heading", { level: 1, name: "Software Beheer is voor softwarebeheerders" })).toBeVisible();
  await expect(user.getByRole("table")).toHaveCount(0);
  expect((await user.request.get("/software-management/audit/export.csv")).status()).toBe(404);
  await user.close();
});
