// R27: one statement claims due messages with a lease, FOR UPDATE SKIP LOCKED (decision 005). Attempts are
// counted when claimed, so a message that crashes its worker every time still ends FAILED.
import "server-only";
import type { DbClient } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import type { Prisma } from "@prisma/client";

export type ClaimedEmail = {
  id: string;
  messageId: string;
  template: string;
  toAddress: string;
  locale: Locale;
  payload: Prisma.JsonValue;
  /** Including this attempt. */
  attempts: number;
  /** End of this worker's lease; the claim's token when recording the outcome. */
  lockedUntil: Date;
};

/** Moves the lease from `previous` (the claim's token) to `lockedUntil`; returns the ids not taken over meanwhile. */
export async function renewEmailClaims(options: { db: DbClient; ids: string[]; previous: Date; lockedUntil: Date }): Promise<string[]> {
  if (options.ids.length === 0) return [];
  const rows = await options.db.$queryRaw<{ id: string }[]>`
    UPDATE "EmailMessage" SET "lockedUntil" = ${options.lockedUntil}
    WHERE "id" = ANY(${options.ids}::uuid[]) AND "status" = 'SENDING' AND "lockedUntil" = ${options.previous}
    RETURNING "id"::text AS "id"`;
  return rows.map((row) => row.id);
}

export async function claimDueEmails(options: { db: DbClient; now: Date; leaseMs: number; batchSize: number }): Promise<ClaimedEmail[]> {
  const { db, now, leaseMs, batchSize } = options;
  const lockedUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<ClaimedEmail[]>`
    UPDATE "EmailMessage"
    SET "status" = 'SENDING', "lockedUntil" = ${lockedUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "EmailMessage"
      WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= ${now})
         OR ("status" = 'SENDING' AND "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "messageId", "template", "toAddress", "locale"::text AS "locale", "payload", "attempts", "lockedUntil"`;
}
