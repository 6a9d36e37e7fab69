// Domain use cases that write more than one row run in one interactive transaction. A caller that
// is already inside a transaction (the demo seed, a later use case composing others) passes its
// transaction client, and the use case joins that transaction instead of opening a second one.
import "server-only";
import type { PrismaClient } from "@prisma/client";
import { db, type DbClient } from "@/lib/db/client";

// Waiting for a pool connection and for row locks is normal under load (R25 serialises seat
// checks on the license row), so both limits are generous; a real deadlock is still detected by
// PostgreSQL and surfaces as an error.
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
