// Single-use secrets sent by email (decision 006): only their SHA-256 is stored, consumption is one
// conditional UPDATE (two parallel uses succeed once), and nothing here logs a token.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma, TokenPurpose } from "@prisma/client";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";

export const VERIFICATION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
/** R17: an invitation waits for a busy colleague longer than a verification link (decision 007). */
export const INVITATION_TOKEN_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const TOKEN_BYTES = 32;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A shape check before any database work: base64url of 32 bytes is 43 characters. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Replaces the user's unused tokens of the purpose: only the newest link works. */
export async function issueToken(options: {
  db: DbClient;
  purpose: TokenPurpose;
  userId: string;
  ttlMs: number;
  data?: Prisma.InputJsonObject;
  clock?: Clock;
}): Promise<{ token: string; expiresAt: Date }> {
  const now = (options.clock ?? systemClock).now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + options.ttlMs);
  await options.db.token.deleteMany({ where: { userId: options.userId, purpose: options.purpose, usedAt: null } });
  await options.db.token.create({
    data: { purpose: options.purpose, tokenHash: hashToken(token), userId: options.userId, expiresAt, data: options.data ?? undefined },
  });
  return { token, expiresAt };
}

/** issueToken for many users in two statements (R17: one save can invite hundreds); each user's token. */
export async function issueTokens(options: {
  db: DbClient;
  purpose: TokenPurpose;
  ttlMs: number;
  tokens: { userId: string; data?: Prisma.InputJsonObject }[];
  clock?: Clock;
}): Promise<Map<string, string>> {
  const issued = new Map<string, string>();
  if (options.tokens.length === 0) return issued;
  const expiresAt = new Date((options.clock ?? systemClock).now().getTime() + options.ttlMs);
  const userIds = options.tokens.map((entry) => entry.userId);
  await options.db.token.deleteMany({ where: { userId: { in: userIds }, purpose: options.purpose, usedAt: null } });
  const rows = options.tokens.map((entry) => {
    const token = newToken();
    issued.set(entry.userId, token);
    return { purpose: options.purpose, tokenHash: hashToken(token), userId: entry.userId, expiresAt, data: entry.data ?? undefined };
  });
  await options.db.token.createMany({ data: rows });
  return issued;
}

export type ConsumedToken = { userId: string; data: Prisma.JsonValue };

/** Null when the token is unknown, used, expired or of another purpose. */
export async function consumeToken(options: {
  db: DbClient;
  purpose: TokenPurpose;
  token: string;
  clock?: Clock;
}): Promise<ConsumedToken | null> {
  if (!isWellFormedToken(options.token)) return null;
  const now = (options.clock ?? systemClock).now();
  const rows = await options.db.$queryRaw<{ userId: string; data: Prisma.JsonValue }[]>`
    UPDATE "Token" SET "usedAt" = ${now}
    WHERE "tokenHash" = ${hashToken(options.token)}
      AND "purpose" = ${options.purpose}::"TokenPurpose"
      AND "usedAt" IS NULL
      AND "expiresAt" > ${now}
    RETURNING "userId"::text AS "userId", "data"`;
  return rows[0] ?? null;
}

/** The user a usable token belongs to, without using it (to check a new password before a reset). */
export async function findUsableToken(options: {
  db: DbClient;
  purpose: TokenPurpose;
  token: string;
  clock?: Clock;
}): Promise<ConsumedToken | null> {
  if (!isWellFormedToken(options.token)) return null;
  const now = (options.clock ?? systemClock).now();
  const row = await options.db.token.findFirst({
    where: { tokenHash: hashToken(options.token), purpose: options.purpose, usedAt: null, expiresAt: { gt: now } },
    select: { userId: true, data: true },
  });
  return row ?? null;
}
