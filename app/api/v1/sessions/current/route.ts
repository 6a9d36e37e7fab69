import { authenticatedApiRoute } from "@/lib/api/api-route";
import { noContent } from "@/lib/api/responses";
import { endApiSession } from "@/lib/api-sessions/end-api-session";

// R5: signing out ends the API session and releases its machine's seats.
export const DELETE = authenticatedApiRoute(async ({ principal, clock, ipAddress }) => {
  await endApiSession({ principal, ipAddress, clock });
  return noContent();
});
