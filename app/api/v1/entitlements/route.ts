import { authenticatedApiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/responses";
import { listEntitlements } from "@/lib/entitlements/list-entitlements";
import { EntitlementsResponse } from "@/lib/licensing-api/contract";

export const dynamic = "force-dynamic";

// R23 as JSON: what the signed-in user may use in their current company.
export const GET = authenticatedApiRoute(async ({ principal, clock }) => {
  const { user, company, entitlements } = await listEntitlements({ userId: principal.userId, clock });
  return jsonResponse(EntitlementsResponse, {
    user,
    company,
    entitlements: entitlements.map((entitlement) => ({ ...entitlement, validUntil: entitlement.validUntil.toISOString() })),
  });
});
