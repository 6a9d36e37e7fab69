import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse } from "@/lib/api/responses";
import { keepWebSessionAlive } from "@/lib/launch/web-sessions";
import { WebSessionHeartbeatResponse, WebSessionRequest } from "@/lib/licensing-api/contract";

// POST /api/v1/web-sessions/heartbeat {leaseId, browserSessionId}: a web application in use keeps
// its floating seat for another hour (R2). No bearer token: the two ids from the launch token are
// the capability. 410 LEASE_EXPIRED once the seat is gone, 403 once access has ended.
export const POST = apiRoute(async ({ request, locale, clock }) => {
  const body = await readJsonBody(request, WebSessionRequest, { locale });
  const lease = await keepWebSessionAlive({ ...body, clock });
  return jsonResponse(WebSessionHeartbeatResponse, { leaseId: lease.id, expiresAt: lease.expiresAt.toISOString() });
});
