// The app's one database path: Prisma over @prisma/adapter-pg on a pg pool made here, which the licensing
// hot path's plain SQL also uses (queryRows, decision 013), whether the server is PostgreSQL or PGlite.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@prisma/client";
import pg from "pg";
import { env } from "@/lib/env";

export type Db = PrismaClient;
/** A client or the client of an interactive transaction: domain functions accept either. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** A transaction client has none: it holds one connection. */
const poolsByClient = new WeakMap<object, pg.Pool>();

/**
 * Bounds on every wait, so a hung server cannot hang a request; unset means none. Statement and lock
 * timeouts hold on a PostgreSQL server only (PGlite ignores them), the query timeout everywhere.
 */
export type DatabaseTimeouts = { connectMs?: number; statementMs?: number; lockMs?: number; queryMs?: number };

export function createDb(connectionString: string, poolSize = 10, timeouts: DatabaseTimeouts = {}): PrismaClient {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // Also the wait for a free connection from a full pool.
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.lockMs,
    query_timeout: timeouts.queryMs,
  } as pg.PoolConfig);
  // An idle connection the server closed is dropped; without a listener pg would throw at the process.
  pool.on("error", (error) => console.warn(`[db] an idle database connection failed and was dropped: ${error.message}`));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  poolsByClient.set(client, pool);
  return client;
}

/**
 * The rows of one statement: straight to the pool, or through a transaction's $queryRaw to join it. pg's
 * type parsing applies on the direct path, so return no bigint or numeric columns (cast counts to integer).
 */
export async function queryRows<Row>(client: DbClient, statement: Prisma.Sql): Promise<Row[]> {
  const pool = poolsByClient.get(client);
  if (!pool) return client.$queryRaw<Row[]>(statement);
  return (await pool.query(statement.text, statement.values)).rows as Row[];
}

export function databaseTimeouts(
  config: Pick<
    ReturnType<typeof env>,
    "DATABASE_CONNECT_TIMEOUT_MS" | "DATABASE_STATEMENT_TIMEOUT_MS" | "DATABASE_LOCK_TIMEOUT_MS" | "DATABASE_QUERY_TIMEOUT_MS"
  >,
): DatabaseTimeouts {
  return {
    connectMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    lockMs: config.DATABASE_LOCK_TIMEOUT_MS,
    queryMs: config.DATABASE_QUERY_TIMEOUT_MS,
  };
}

const globalForDb = globalThis as unknown as { db?: PrismaClient };

/** Replaces the process-wide client (the seed CLI and the tests); the app never calls it. */
export function useDb(client: PrismaClient): void {
  globalForDb.db = client;
}

/** The process-wide client (kept across hot reloads in development). */
export function db(): PrismaClient {
  if (!globalForDb.db) {
    const config = env();
    if (!config.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.");
    }
    globalForDb.db = createDb(config.DATABASE_URL, config.DATABASE_POOL_SIZE, databaseTimeouts(config));
  }
  return globalForDb.db;
}
