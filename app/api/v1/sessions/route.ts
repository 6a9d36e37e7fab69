import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse } from "@/lib/api/responses";
import { toSessionResponse } from "@/lib/api-sessions/session-response";
import { signInApiSession } from "@/lib/api-sessions/sign-in-api-session";
import { SessionResponse, SignInRequest } from "@/lib/licensing-api/contract";

// R5/R22: client software signs in; rate limited like the portal's sign-in.
export const POST = apiRoute(async ({ request, locale, clock, ipAddress }) => {
  const body = await readJsonBody(request, SignInRequest, { locale });
  const tokens = await signInApiSession({ ...body, ipAddress, clock });
  return jsonResponse(SessionResponse, toSessionResponse(tokens), { status: 201 });
});
