// A license grants access from validFrom up to, not including, validUntil (issue 7: expired
// licenses stop granting access at the portal's launch and in the API).
export function isLicenseValidAt(license: { validFrom: Date; validUntil: Date }, now: Date): boolean {
  return now >= license.validFrom && now < license.validUntil;
}
