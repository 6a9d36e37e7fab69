import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse, noContent } from "@/lib/api/responses";
import { redeemLaunchToken } from "@/lib/launch/redeem-launch-token";
import { endWebSession } from "@/lib/launch/web-sessions";
import { WebSessionRequest, WebSessionStart, WebSessionStarted } from "@/lib/licensing-api/contract";

// POST /api/v1/web-sessions {launchToken}: the web application redeems the launch token it was
// handed, once (decision 018); a replayed token is 409.
export const POST = apiRoute(async ({ request, locale, clock }) => {
  const body = await readJsonBody(request, WebSessionStart, { locale });
  return jsonResponse(WebSessionStarted, await redeemLaunchToken({ token: body.launchToken, clock }), { status: 201 });
});

// DELETE /api/v1/web-sessions {leaseId, browserSessionId}: "Log out" in a web application frees
// its floating seat at once (R2); 204 also when it was already free.
export const DELETE = apiRoute(async ({ request, locale, clock }) => {
  const body = await readJsonBody(request, WebSessionRequest, { locale });
  await endWebSession({ ...body, clock });
  return noContent();
});
