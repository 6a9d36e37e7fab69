// API access tokens (decision 010): each call also asks whether the session is still live, so revocation takes
// effect at the next call; the seat routes ask inside their one statement (decision 013).
import "server-only";
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { AccessTokenClaims } from "@/lib/licensing-api/contract";
import { ACCESS_TOKEN_TTL_SECONDS } from "@/lib/licensing-api/contract";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, queryRows, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { signToken, verifyToken } from "@/lib/signing/signed-tokens";
import { API_AUDIENCE } from "@/lib/signing/token-types";
import { RecordId } from "@/lib/validation/record-id";

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
  const claims: AccessTokenClaims = {
    sid: options.sessionId,
    ver: options.sessionVersion,
    client: options.client,
    ...(options.deviceId ? { did: options.deviceId } : {}),
  };
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

/** From the token alone; whether its session is still live is not asked here. */
export async function verifyAccessToken(options: { token: string; clock?: Clock; db?: DbClient }): Promise<ApiPrincipal> {
  const payload = AccessTokenPayload.safeParse(
    await verifyToken({
      kind: "access",
      token: options.token,
      audience: API_AUDIENCE,
      clock: options.clock ?? systemClock,
      db: options.db,
    }),
  );
  if (!payload.success) throw new DomainError("UNAUTHENTICATED", "The token is not valid");
  const { sub, sid, ver, client, did } = payload.data;
  return { userId: sub, sessionId: sid, sessionVersion: ver, client, deviceId: did ?? null };
}

export function sessionEnded(): DomainError {
  return new DomainError("UNAUTHENTICATED", "The session has ended");
}

/** One query, the same rule as the seat statements' (api_session_is_live). */
async function assertApiSessionLive(principal: ApiPrincipal, options: { db?: DbClient } = {}): Promise<void> {
  const [state] = await queryRows<{ isLive: boolean }>(
    options.db ?? processDb(),
    Prisma.sql`SELECT "api_session_is_live"(${principal.userId}::uuid, ${principal.sessionId}::uuid, ${principal.sessionVersion}::integer) AS "isLive"`,
  );
  if (!state?.isLive) throw sessionEnded();
}

export async function authenticateAccessToken(options: { token: string; clock?: Clock; db?: DbClient }): Promise<ApiPrincipal> {
  const principal = await verifyAccessToken(options);
  await assertApiSessionLive(principal, options);
  return principal;
}
