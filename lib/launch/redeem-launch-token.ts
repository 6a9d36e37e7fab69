// A launch token is used once: the web application redeems it before trusting it, and one conditional INSERT
// refuses a second redemption on any instance (decision 018).
import "server-only";
import { decodeJwt } from "jose";
import { Prisma } from "@prisma/client";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { LaunchClaims, WebSessionStarted } from "@/lib/licensing-api/contract";
import { verifyToken } from "@/lib/signing/signed-tokens";

function notALaunchToken(): DomainError {
  return new DomainError("UNAUTHENTICATED", "Not a valid launch token");
}

/** The product the token claims to be for; verified against the signature right after. */
function claimedAudience(token: string): string {
  try {
    const { aud } = decodeJwt(token);
    if (typeof aud === "string") return aud;
  } catch {
    // not a JWT at all
  }
  throw notALaunchToken();
}

export async function redeemLaunchToken(options: { token: string; clock?: Clock; db?: DbClient }): Promise<WebSessionStarted> {
  const now = (options.clock ?? systemClock).now();
  const audience = claimedAudience(options.token);
  const payload = await verifyToken<Partial<LaunchClaims> & { sub?: string; exp?: number }>({
    kind: "launch",
    token: options.token,
    audience,
    clock: options.clock,
    db: options.db,
  });
  const { jti, browserSessionId, sub, exp } = payload;
  if (typeof jti !== "string" || typeof browserSessionId !== "string" || typeof sub !== "string" || typeof exp !== "number")
    throw notALaunchToken();
  const redeemed = await (options.db ?? processDb()).$queryRaw<{ jti: string }[]>(Prisma.sql`
    INSERT INTO "LaunchTokenRedemption" ("jti", "redeemedAt", "expiresAt") VALUES (${jti}, ${now}, ${new Date(exp * 1000)})
    ON CONFLICT ("jti") DO NOTHING RETURNING "jti"`);
  if (redeemed.length === 0) throw new DomainError("CONFLICT", "This launch token was used before", { reason: "LAUNCH_TOKEN_USED" });
  return { productCode: audience, userId: sub, browserSessionId };
}

/** Redemptions of expired tokens are kept no longer: the token is refused anyway. */
export async function deleteExpiredRedemptions(options: { clock?: Clock; db?: DbClient } = {}): Promise<number> {
  const now = (options.clock ?? systemClock).now();
  const { count } = await (options.db ?? processDb()).launchTokenRedemption.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
