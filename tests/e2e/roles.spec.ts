// R11: "Software management" only for admins of the current company. Anyone else who types its
// address is told that it is for software administrators, and sees none of it.
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, signIn, USER_EMAIL } from "./support/demo";

test("a USER does not see Software management; its pages say they are for software administrators and show none of it", async ({
  page,
}) => {
  await signIn(page, USER_EMAIL);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Software Beheer" })).toHaveCount(0);
  for (const path of ["/software-management", "/software-management/users", "/software-management/audit", "/software-management/orders"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Software Beheer is voor softwarebeheerders" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Licentiegroep 1" })).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
  }
});

test("an ADMIN of the current company sees Software management", async ({ page }) => {
  await signIn(page, ADMIN_EMAIL);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Software Beheer" })).toBeVisible();
  const response = await page.goto("/software-management");
  expect(response?.status()).toBe(200);
});
