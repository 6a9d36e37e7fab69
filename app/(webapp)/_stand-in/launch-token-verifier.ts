// How the stand-in web application trusts a launch token: as any application on another origin
// would, with the portal's PUBLISHED keys, fetched over HTTP from /api/v1/signing-keys (never from
// the portal's database or its key module), and the checks of RFC 8725: algorithm, typ, issuer,
// audience (this product) and expiry.
import "server-only";
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { env } from "@/lib/env";
import type { LaunchClaims } from "@/lib/licensing-api/contract";
import { SIGNING_ALGORITHM, tokenTypHeaders } from "@/lib/signing/token-types";

/** The licensing portal this application trusts; the issuer of its launch tokens. */
export function portalUrl(): string {
  return env().APP_BASE_URL;
}

let remoteKeys: JWTVerifyGetKey | undefined;

/** The published key set, cached by jose and fetched again for a key id it does not know (rotation). */
function portalKeys(): JWTVerifyGetKey {
  remoteKeys ??= createRemoteJWKSet(new URL("/api/v1/signing-keys", `${portalUrl()}/`), {
    cacheMaxAge: 10 * 60 * 1000,
    cooldownDuration: 30 * 1000,
    timeoutDuration: 5000,
  });
  return remoteKeys;
}

const LaunchPayload = z.object({
  sub: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(["nl", "en"]),
  level: z.enum(["licensed", "trial", "standard"]),
  companyId: z.string().nullable(),
  licenseId: z.string().optional(),
  trialEndsAt: z.string().optional(),
  lease: z.object({ id: z.string(), expiresAt: z.string() }).optional(),
  browserSessionId: z.string(),
  jti: z.string(),
}) satisfies z.ZodType<LaunchClaims & { sub: string; iat: number; exp: number }>;

export type VerifiedLaunch = z.infer<typeof LaunchPayload>;

/**
 * Verifies a launch token for this product. `at` is the time its expiry is checked against: now
 * for a token just handed over; its own issue time when the application re-reads the token it
 * keeps as its session (see stand-in-session.ts), whose age it limits itself.
 */
export async function verifyLaunchToken(
  token: string,
  options: { productCode: string; at?: Date; keys?: JWTVerifyGetKey },
): Promise<VerifiedLaunch> {
  const { payload } = await jwtVerify(token, options.keys ?? portalKeys(), {
    algorithms: [SIGNING_ALGORITHM],
    typ: tokenTypHeaders.launch,
    issuer: portalUrl(),
    audience: options.productCode,
    requiredClaims: ["sub", "iat", "exp"],
    currentDate: options.at,
  });
  return LaunchPayload.parse(payload);
}

/** The issue time a token claims, read before verification (it is verified against it after). */
export function claimedIssueTime(token: string): Date | null {
  try {
    const { iat } = decodeJwt(token);
    return typeof iat === "number" ? new Date(iat * 1000) : null;
  } catch {
    return null;
  }
}
