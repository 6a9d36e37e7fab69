import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse } from "@/lib/api/responses";
import { refreshApiSession } from "@/lib/api-sessions/refresh-api-session";
import { toSessionResponse } from "@/lib/api-sessions/session-response";
import { RefreshRequest, SessionResponse } from "@/lib/licensing-api/contract";

// R5: a refresh token is used once; its successor comes back with a new access token.
export const POST = apiRoute(async ({ request, locale, clock, ipAddress }) => {
  const { refreshToken } = await readJsonBody(request, RefreshRequest, { locale });
  const tokens = await refreshApiSession({ refreshToken, ipAddress, clock });
  return jsonResponse(SessionResponse, toSessionResponse(tokens));
});
