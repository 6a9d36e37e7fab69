// R4/R24 in Dutch: the devices of the group's node-locked licenses are listed under the user list;
// the admin deactivates one with a reason, it leaves the list and the audit log records it. The
// device is activated for this run (support/activate-demo-device.ts), so deactivating it restores
// the demo data.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, chooseCompany, DUTCH_COMPANY, signIn } from "./support/demo";
import { activateDemoDevice } from "./support/identity";

test("R4: deactivate a lost device with a reason → gone from the list, in the audit log", async ({ page }) => {
  const hostname = `E2E-LT-${randomBytes(3).toString("hex").toUpperCase()}`;
  const reason = `Laptop verloren ${hostname}`;
  activateDemoDevice(hostname);
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  await page.goto("/software-management");
  await page.getByRole("link", { name: "Licentiegroep 1", exact: true }).click();

  const devices = page.getByRole("region", { name: "Apparaten" });
  const row = devices.getByRole("row").filter({ hasText: hostname });
  await expect(row).toContainText("PROFIS Layout Office");
  await row.getByRole("button", { name: new RegExp(`${hostname} van .+ deactiveren`) }).click();

  const dialog = page.getByRole("dialog", { name: `${hostname} deactiveren?` });
  // The required reason says it is required.
  await expect(dialog.getByLabel("Reden (verplicht)")).toBeFocused();
  await expect(dialog.getByLabel("Reden (verplicht)")).toHaveAttribute("required", "");
  // The reason is required.
  await dialog.getByRole("button", { name: "Deactiveren" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Geef een reden voor de deactivering.");
  await dialog.getByLabel("Reden (verplicht)").fill(reason);
  await dialog.getByRole("button", { name: "Deactiveren" }).click();
  await expect(dialog).toBeHidden();
  await expect(devices.getByRole("status")).toContainText(`${hostname} van`);
  await expect(devices.getByRole("row").filter({ hasText: hostname })).toHaveCount(0);
  // Other demo devices are still there.
  await expect(devices.getByRole("row").filter({ hasText: "NL-LT-JJANSEN" })).toBeVisible();

  await page.goto(`/software-management/audit?action=activation.deactivated`);
  const event = page.getByRole("row").filter({ hasText: reason });
  await expect(event).toContainText("Apparaat gedeactiveerd");
  await expect(event).toContainText("Anna de Vries");
  await expect(event).toContainText("PROFIS Layout Office");
});
