import { expect, type Page } from "@playwright/test";

/** R16: Opslaan → the confirmation summarises the change set → Ja → "Opgeslagen". */
export async function saveAndConfirm(page: Page, summary: string): Promise<void> {
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Wijzigingen bevestigen" });
  await expect(dialog).toContainText(summary);
  await dialog.getByRole("button", { name: "Ja" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
  await expect(dialog).toBeHidden();
}
