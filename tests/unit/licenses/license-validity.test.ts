import { expect, test } from "vitest";
import { isLicenseValidAt } from "@/lib/licenses/license-validity";

const license = { validFrom: new Date("2026-01-01T00:00:00Z"), validUntil: new Date("2027-01-01T00:00:00Z") };

test("a license is valid from its first moment up to, not including, its end", () => {
  expect(isLicenseValidAt(license, new Date("2025-12-31T23:59:59.999Z"))).toBe(false);
  expect(isLicenseValidAt(license, license.validFrom)).toBe(true);
  expect(isLicenseValidAt(license, new Date("2026-12-31T23:59:59.999Z"))).toBe(true);
  expect(isLicenseValidAt(license, license.validUntil)).toBe(false);
});
