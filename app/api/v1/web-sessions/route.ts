import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { noContent } from "@/lib/api/responses";
import { endWebSession } from "@/lib/launch/web-sessions";
import { WebSessionRequest } from "@/lib/licensing-api/contract";

// DELETE /api/v1/web-sessions {leaseId, browserSessionId}: "Log out" in a web application frees
// its floating seat at once (R2); 204 also when it was already free.
export const DELETE = apiRoute(async ({ request, locale, clock }) => {
  const body = await readJsonBody(request, WebSessionRequest, { locale });
  await endWebSession({ ...body, clock });
  return noContent();
});
