// POST /api/v1/sessions (R5, R22): the portal's own password check (rate limits, lockout, audit), then an API
// session with an access and a refresh token.
import "server-only";
import { randomUUID } from "node:crypto";
import { issueAccessToken } from "@/lib/api-sessions/access-tokens";
import { newRefreshToken } from "@/lib/api-sessions/refresh-tokens";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { signInWithPassword } from "@/lib/auth/authenticate";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { REFRESH_TOKEN_TTL_MS } from "@/lib/licensing-api/contract";
import { rateLimitedError, type RateLimits } from "@/lib/rate-limit/rate-limits";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export type ApiSessionTokens = { accessToken: string; expiresIn: number; refreshToken: string; refreshTokenExpiresAt: Date };

export async function signInApiSession(options: {
  email: string;
  password: string;
  client: string;
  /** A desktop application names its machine: its leases end with the session (sign-out). */
  device?: { fingerprint: string; hostname: string };
  ipAddress?: string | null;
  clock?: Clock;
  db?: DbClient;
  rateLimits?: RateLimits;
}): Promise<ApiSessionTokens> {
  const ipAddress = options.ipAddress ?? null;
  const result = await signInWithPassword({
    credentials: { email: options.email, password: options.password },
    ipAddress,
    db: options.db,
    rateLimits: options.rateLimits,
  });
  if (result.status === "invalid") throw new DomainError("UNAUTHENTICATED", "Wrong email or password", { reason: "INVALID_CREDENTIALS" });
  if (result.status === "unverified")
    throw new DomainError("FORBIDDEN", "The email address is not verified yet", { reason: "EMAIL_NOT_VERIFIED" });
  if (result.status === "rate-limited") throw rateLimitedError(result.retryAfterSeconds);

  const { userId, sessionVersion } = result.claims;
  const now = (options.clock ?? systemClock).now();
  const sessionId = randomUUID();
  const refresh = newRefreshToken(sessionVersion);
  const refreshTokenExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);

  const deviceId = await runInTransaction(options.db, async (transaction) => {
    const device = options.device
      ? await transaction.device.upsert({
          where: { userId_fingerprint: { userId, fingerprint: options.device.fingerprint } },
          create: { userId, fingerprint: options.device.fingerprint, hostname: options.device.hostname, createdAt: now, lastSeenAt: now },
          update: { hostname: options.device.hostname, lastSeenAt: now },
          select: { id: true },
        })
      : null;
    // The family id is the API session's id: every rotated successor carries it (decision 010).
    await transaction.refreshToken.create({
      data: {
        familyId: sessionId,
        tokenHash: refresh.tokenHash,
        userId,
        deviceId: device?.id ?? null,
        client: options.client,
        expiresAt: refreshTokenExpiresAt,
        createdAt: now,
      },
    });
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "api.signed-in",
        companyId: null,
        actorId: userId,
        subjectUserId: userId,
        data: { sessionId, client: options.client, deviceId: device?.id ?? null, hostname: options.device?.hostname ?? null },
        ipAddress,
        at: now,
      },
    });
    return device?.id ?? null;
  });

  const access = await issueAccessToken({
    userId,
    sessionId,
    sessionVersion,
    client: options.client,
    deviceId,
    clock: options.clock,
    db: options.db,
  });
  return { ...access, refreshToken: refresh.token, refreshTokenExpiresAt };
}
