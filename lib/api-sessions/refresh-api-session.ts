// POST /api/v1/sessions/refresh (R5, decision 010): a refresh token is rotated once, its successor keeping the
// family's expiry; presenting a rotated one again revokes the whole family.
import "server-only";
import type { ApiSessionTokens } from "@/lib/api-sessions/sign-in-api-session";
import { issueAccessToken } from "@/lib/api-sessions/access-tokens";
import { newRefreshToken, readRefreshToken } from "@/lib/api-sessions/refresh-tokens";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

type RotatedRow = { id: string; familyId: string; userId: string; deviceId: string | null; client: string; expiresAt: Date };
type Outcome =
  | { status: "rotated"; tokens: Omit<ApiSessionTokens, "accessToken" | "expiresIn">; row: RotatedRow; sessionVersion: number }
  | { status: "not-current" }
  | { status: "session-ended" };

function invalidRefreshToken(): DomainError {
  return new DomainError("UNAUTHENTICATED", "The refresh token is not valid", { reason: "INVALID_REFRESH_TOKEN" });
}

export async function refreshApiSession(options: {
  refreshToken: string;
  ipAddress?: string | null;
  clock?: Clock;
  db?: DbClient;
}): Promise<ApiSessionTokens> {
  const presented = readRefreshToken(options.refreshToken);
  if (!presented) throw invalidRefreshToken();
  const now = (options.clock ?? systemClock).now();

  const outcome = await runInTransaction<Outcome>(options.db, async (transaction) => {
    // One conditional UPDATE: of two concurrent refreshes with one token, one succeeds.
    const [row] = await transaction.$queryRaw<RotatedRow[]>`
      UPDATE "RefreshToken" SET "rotatedAt" = ${now}
      WHERE "tokenHash" = ${presented.tokenHash} AND "rotatedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > ${now}
      RETURNING "id"::text AS "id", "familyId"::text AS "familyId", "userId"::text AS "userId", "deviceId"::text AS "deviceId", "client", "expiresAt"`;
    if (!row) return { status: "not-current" };
    const user = await transaction.user.findUnique({
      where: { id: row.userId },
      select: { sessionVersion: true, disabledAt: true, emailVerifiedAt: true },
    });
    // A password change or "sign out everywhere" since sign-in ends the API session too.
    if (!user || user.disabledAt !== null || user.emailVerifiedAt === null || user.sessionVersion !== presented.sessionVersion) {
      await transaction.refreshToken.updateMany({ where: { familyId: row.familyId, revokedAt: null }, data: { revokedAt: now } });
      return { status: "session-ended" };
    }
    const successor = newRefreshToken(user.sessionVersion);
    await transaction.refreshToken.create({
      data: {
        familyId: row.familyId,
        tokenHash: successor.tokenHash,
        userId: row.userId,
        deviceId: row.deviceId,
        client: row.client,
        expiresAt: row.expiresAt,
        createdAt: now,
      },
    });
    return {
      status: "rotated",
      row,
      sessionVersion: user.sessionVersion,
      tokens: { refreshToken: successor.token, refreshTokenExpiresAt: row.expiresAt },
    };
  });

  if (outcome.status === "not-current") {
    await revokeFamilyOnReuse({ tokenHash: presented.tokenHash, ipAddress: options.ipAddress ?? null, now, db: options.db });
    throw invalidRefreshToken();
  }
  if (outcome.status === "session-ended") throw invalidRefreshToken();
  const { row } = outcome;
  const access = await issueAccessToken({
    userId: row.userId,
    sessionId: row.familyId,
    sessionVersion: outcome.sessionVersion,
    client: row.client,
    deviceId: row.deviceId,
    clock: options.clock,
    db: options.db,
  });
  return { ...access, ...outcome.tokens };
}

/** Reuse of a rotated token revokes the family in its own transaction, which commits although the caller is refused. */
async function revokeFamilyOnReuse(options: { tokenHash: string; ipAddress: string | null; now: Date; db?: DbClient }): Promise<void> {
  const client = options.db ?? processDb();
  const known = await client.refreshToken.findUnique({
    where: { tokenHash: options.tokenHash },
    select: { familyId: true, userId: true, rotatedAt: true, client: true },
  });
  if (!known || known.rotatedAt === null) return;
  await runInTransaction(client, async (transaction) => {
    const { count } = await transaction.refreshToken.updateMany({
      where: { familyId: known.familyId, revokedAt: null },
      data: { revokedAt: options.now },
    });
    // Once per family: replaying old tokens of an already revoked family adds nothing to the trail.
    if (count === 0) return;
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "api.refresh-token-reused",
        companyId: null,
        actorId: null,
        subjectUserId: known.userId,
        data: { sessionId: known.familyId, client: known.client, revokedTokens: count },
        ipAddress: options.ipAddress,
        at: options.now,
      },
    });
  });
}
