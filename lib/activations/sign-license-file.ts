// R3/R30: an activation's license file, checked offline: valid on this fingerprint until the license ends or
// LICENSE_FILE_TTL_MS has passed; activating again renews it.
import "server-only";
import type { LicenseActivation } from "@/lib/activations/activate-license";
import { systemClock, type Clock } from "@/lib/clock";
import { LICENSE_FILE_TTL_MS, type LicenseFileClaims } from "@/lib/licensing-api/contract";
import { signToken } from "@/lib/signing/signed-tokens";

export async function signLicenseFile(options: { activation: LicenseActivation; clock?: Clock }): Promise<string> {
  const { activation, device, license } = options.activation;
  const now = (options.clock ?? systemClock).now();
  const expiresAt = new Date(Math.min(license.validUntil.getTime(), now.getTime() + LICENSE_FILE_TTL_MS));
  const claims: LicenseFileClaims = {
    activationId: activation.id,
    licenseId: license.id,
    licenseType: license.type,
    edition: license.edition,
    productCode: license.product.code,
    fingerprint: device.fingerprint,
    hostname: device.hostname,
    companyId: license.companyId,
    licenseValidUntil: license.validUntil.toISOString(),
  };
  return signToken({
    kind: "licenseFile",
    subject: activation.userId,
    audience: license.product.code,
    claims,
    expiresAt,
    clock: options.clock,
  });
}
