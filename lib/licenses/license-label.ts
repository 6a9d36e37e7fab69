// One name for a license on every page (issue 14): product, edition, type and end of term. Licenses
// of the same kind are interchangeable for an admin, so the grid shows them as one column.
import type { LicenseEdition, LicenseType } from "@prisma/client";

export type LabelledLicense = { productName: string; edition: LicenseEdition; type: LicenseType; validUntil: Date | string };

export type LicenseKindFields = { productId: string; edition: LicenseEdition; type: LicenseType; validFrom: Date | string; validUntil: Date | string };

/** Same product, edition, type and term: one kind (one grid column, one line in the overview). */
export function licenseKindKey(license: LicenseKindFields): string {
  const instant = (value: Date | string) => new Date(value).toISOString();
  return [license.productId, license.edition, license.type, instant(license.validFrom), instant(license.validUntil)].join("|");
}

/** The edition is named unless it is Standard, which would read like the Standard fallback level (R20). */
export function isEditionNamed(edition: LicenseEdition): boolean {
  return edition !== "STANDARD";
}
