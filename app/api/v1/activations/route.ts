import { activateLicense } from "@/lib/activations/activate-license";
import { signLicenseFile } from "@/lib/activations/sign-license-file";
import { authenticatedApiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse } from "@/lib/api/responses";
import { ActivationRequest, ActivationResponse } from "@/lib/licensing-api/contract";

// R3/R4/R22: the desktop application activates its key on this machine and gets a signed license
// file; 201 for a new activation, 200 when this machine already had it (a renewed license file).
export const POST = authenticatedApiRoute(async ({ request, locale, clock, principal }) => {
  const body = await readJsonBody(request, ActivationRequest, { locale });
  const activated = await activateLicense({ actor: { id: principal.userId }, ...body, clock });
  const { activation, device, license } = activated;
  const licenseFile = await signLicenseFile({ activation: activated, clock });
  return jsonResponse(
    ActivationResponse,
    {
      activation: {
        id: activation.id,
        licenseId: license.id,
        licenseType: license.type,
        productCode: license.product.code,
        productName: license.product.name,
        deviceId: device.id,
        hostname: device.hostname,
        fingerprint: device.fingerprint,
        activatedAt: activation.activatedAt.toISOString(),
        validUntil: license.validUntil.toISOString(),
      },
      licenseFile,
    },
    { status: activated.isNew ? 201 : 200 },
  );
});
