// One interactive transaction per use case; a caller's transaction client is joined, not nested.
import "server-only";
import type { PrismaClient } from "@prisma/client";
import { db, type DbClient } from "@/lib/db/client";

// Waiting for a connection and for row locks is normal under load; PostgreSQL still detects a real deadlock.
const TRANSACTION_LIMITS = { maxWait: 20_000, timeout: 30_000 } as const;

export async function runInTransaction<T>(client: DbClient | undefined, work: (transaction: DbClient) => Promise<T>): Promise<T> {
  const target = client ?? db();
  if (isRootClient(target)) return target.$transaction((transaction) => work(transaction), TRANSACTION_LIMITS);
  return work(target);
}

/** Prisma's transaction client has no $transaction, so its absence means "already inside one". */
function isRootClient(client: DbClient): client is DbClient & Pick<PrismaClient, "$transaction"> {
  return typeof (client as Partial<PrismaClient>).$transaction === "function";
}
