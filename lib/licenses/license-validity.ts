// A license grants access from validFrom up to, not including, validUntil.
export function isLicenseValidAt(license: { validFrom: Date; validUntil: Date }, now: Date): boolean {
  return now >= license.validFrom && now < license.validUntil;
}
