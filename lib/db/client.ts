// The one database path of the app: Prisma's Rust-free client over @prisma/adapter-pg, whether
// DATABASE_URL points at a PostgreSQL server or at the embedded PGlite's protocol server.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
/** A client or the client of an interactive transaction: domain functions accept either. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(connectionString: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { db?: PrismaClient };

/**
 * Replaces the process-wide client: the seed CLI and the tests use it to point the domain at
 * the database they started. The app itself never calls it.
 */
export function useDb(client: PrismaClient): void {
  globalForDb.db = client;
}

/** The process-wide client (kept across hot reloads in development). */
export function db(): PrismaClient {
  if (!globalForDb.db) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    if (!DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.");
    }
    globalForDb.db = createDb(DATABASE_URL, DATABASE_POOL_SIZE);
  }
  return globalForDb.db;
}
