// One name for a license on every page: product, edition, type and end of term.
import type { LicenseEdition, LicenseType } from "@prisma/client";

export type LabelledLicense = { productName: string; edition: LicenseEdition; type: LicenseType; validUntil: Date | string };

/** The edition is named unless it is Standard, which would read like the Standard fallback level (R20). */
export function isEditionNamed(edition: LicenseEdition): boolean {
  return edition !== "STANDARD";
}
