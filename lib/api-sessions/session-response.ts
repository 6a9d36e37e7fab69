import type { z } from "zod";
import type { ApiSessionTokens } from "@/lib/api-sessions/sign-in-api-session";
import type { SessionResponse } from "@/lib/licensing-api/contract";

export function toSessionResponse(tokens: ApiSessionTokens): z.input<typeof SessionResponse> {
  return {
    accessToken: tokens.accessToken,
    tokenType: "Bearer",
    expiresIn: tokens.expiresIn,
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.toISOString(),
  };
}
