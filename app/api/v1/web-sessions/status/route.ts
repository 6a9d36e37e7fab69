import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { noContent } from "@/lib/api/responses";
import { checkWebSession } from "@/lib/launch/web-sessions";
import { WebSessionStatusRequest } from "@/lib/licensing-api/contract";

// POST /api/v1/web-sessions/status {browserSessionId}: 204 while the user who opened the software
// is signed in to the portal, 401 once that session has ended (decision 018).
export const POST = apiRoute(async ({ request, locale, clock }) => {
  const body = await readJsonBody(request, WebSessionStatusRequest, { locale });
  await checkWebSession({ ...body, clock });
  return noContent();
});
