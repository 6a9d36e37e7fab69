// API access tokens (decision 010): short-lived EdDSA JWTs (typ at+jwt, RFC 9068) naming the user,
// the API session (= refresh-token family) and the session version. The signature makes them cheap
// to check, but each request still asks the database whether the session was revoked (sign-out,
// reuse detection) or the user's session version raised (password change, sign out everywhere),
// so revocation takes effect at the next call, not when the token expires.
import "server-only";
import { z } from "zod";
import type { AccessTokenClaims } from "@/lib/licensing-api/contract";
import { ACCESS_TOKEN_TTL_SECONDS } from "@/lib/licensing-api/contract";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { signToken, verifyToken } from "@/lib/signing/signed-tokens";
import { API_AUDIENCE } from "@/lib/signing/token-types";
import { RecordId } from "@/lib/validation/record-id";

/** Who calls: the user and the API session their token belongs to. */
export type ApiPrincipal = { userId: string; sessionId: string; sessionVersion: number; client: string; deviceId: string | null };

const AccessTokenPayload = z.object({
  sub: RecordId,
  sid: RecordId,
  ver: z.number().int().min(0),
  client: z.string(),
  did: RecordId.optional(),
});

export async function issueAccessToken(options: {
  userId: string;
  sessionId: string;
  sessionVersion: number;
  client: string;
  deviceId: string | null;
  clock?: Clock;
  db?: DbClient;
}): Promise<{ accessToken: string; expiresIn: number }> {
  const claims: AccessTokenClaims = { sid: options.sessionId, ver: options.sessionVersion, client: options.client, ...(options.deviceId ? { did: options.deviceId } : {}) };
  const accessToken = await signToken({
    kind: "access",
    subject: options.userId,
    audience: API_AUDIENCE,
    claims,
    ttlSeconds: ACCESS_TOKEN_TTL_SECONDS,
    clock: options.clock,
    db: options.db,
  });
  return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

type SessionState = { sessionVersion: number; isActive: boolean; isSessionLive: boolean };

/** The caller of a bearer token, or UNAUTHENTICATED (bad token, revoked session, stale session version). */
export async function authenticateAccessToken(options: { token: string; clock?: Clock; db?: DbClient }): Promise<ApiPrincipal> {
  const client = options.db ?? processDb();
  const payload = AccessTokenPayload.safeParse(await verifyToken({ kind: "access", token: options.token, audience: API_AUDIENCE, clock: options.clock ?? systemClock, db: client }));
  if (!payload.success) throw new DomainError("UNAUTHENTICATED", "The token is not valid");
  const { sub, sid, ver, did } = payload.data;
  // One round trip: the user's state and whether the refresh-token family still has an unrevoked member.
  const [state] = await client.$queryRaw<SessionState[]>`
    SELECT u."sessionVersion", (u."disabledAt" IS NULL AND u."emailVerifiedAt" IS NOT NULL) AS "isActive",
      EXISTS (SELECT 1 FROM "RefreshToken" r WHERE r."familyId" = ${sid}::uuid AND r."userId" = u."id" AND r."revokedAt" IS NULL) AS "isSessionLive"
    FROM "User" u WHERE u."id" = ${sub}::uuid`;
  if (!state || !state.isActive || !state.isSessionLive || state.sessionVersion !== ver) {
    throw new DomainError("UNAUTHENTICATED", "The session has ended");
  }
  return { userId: sub, sessionId: sid, sessionVersion: ver, client: payload.data.client, deviceId: did ?? null };
}
