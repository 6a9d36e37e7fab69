// The launch token handed to the web application (R1, R2, R20): who, at which level, and the floating seat;
// EdDSA launch+jwt for the product, about 2 minutes, verified with the published keys.
import "server-only";
import { randomUUID } from "node:crypto";
import { displayName, type CurrentUser } from "@/lib/auth/current-user";
import type { Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { LaunchGrant } from "@/lib/launch/launch-product";
import { LAUNCH_TOKEN_PARAMETER, LAUNCH_TOKEN_TTL_SECONDS, type LaunchClaims } from "@/lib/licensing-api/contract";
import { signToken } from "@/lib/signing/signed-tokens";

function launchClaims(options: {
  user: Pick<CurrentUser, "email" | "firstName" | "lastName" | "language">;
  grant: LaunchGrant;
  browserSessionId: string;
}): LaunchClaims {
  const { user, grant } = options;
  return {
    email: user.email,
    name: displayName(user),
    locale: user.language,
    level: grant.level,
    companyId: grant.companyId,
    ...(grant.licenseId ? { licenseId: grant.licenseId } : {}),
    ...(grant.level === "trial" && grant.trial ? { trialEndsAt: grant.trial.endsAt.toISOString() } : {}),
    // With both the seat and its browser session the application can keep the seat alive and free it.
    ...(grant.lease ? { lease: { id: grant.lease.id, expiresAt: grant.lease.expiresAt.toISOString() } } : {}),
    browserSessionId: options.browserSessionId,
    jti: randomUUID(),
  };
}

export async function issueLaunchToken(options: {
  user: Pick<CurrentUser, "id" | "email" | "firstName" | "lastName" | "language">;
  productCode: string;
  grant: LaunchGrant;
  browserSessionId: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<string> {
  return signToken({
    kind: "launch",
    subject: options.user.id,
    audience: options.productCode,
    claims: launchClaims(options),
    ttlSeconds: LAUNCH_TOKEN_TTL_SECONDS,
    clock: options.clock,
    db: options.db,
  });
}

/** A relative launch URL (the demo's stand-in) is resolved against APP_BASE_URL, never the request's Host. */
export function launchRedirectUrl(launchUrl: string, token: string): string {
  const url = new URL(launchUrl, `${env().APP_BASE_URL}/`);
  url.searchParams.set(LAUNCH_TOKEN_PARAMETER, token);
  return url.toString();
}
