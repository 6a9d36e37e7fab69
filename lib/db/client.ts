// The one database path of the app: Prisma's Rust-free client over @prisma/adapter-pg, whether
// DATABASE_URL points at a PostgreSQL server or at the embedded PGlite's protocol server.
// The adapter gets a pg pool made here, so the licensing service's hot statements (already plain
// SQL) can run on that same pool without Prisma's query pipeline (queryRows, decision 013).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@prisma/client";
import pg from "pg";
import { env } from "@/lib/env";

export type Db = PrismaClient;
/** A client or the client of an interactive transaction: domain functions accept either. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** The pool under each client createDb made (a transaction client has none: it holds one connection). */
const poolsByClient = new WeakMap<object, pg.Pool>();

/**
 * Issue 15: bounds on every wait for the database, so a hung server cannot hang a request
 * (lib/db/database-unavailable.ts turns the resulting errors into 503). Unset: no bound (tests
 * that need none, migrations). statement and lock timeouts are enforced by a PostgreSQL server;
 * the embedded PGlite ignores them, the client-side query timeout holds everywhere.
 */
export type DatabaseTimeouts = { connectMs?: number; statementMs?: number; lockMs?: number; queryMs?: number };

export function createDb(connectionString: string, poolSize = 10, timeouts: DatabaseTimeouts = {}): PrismaClient {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // A new connection, and a free one from a full pool, within this time.
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.lockMs,
    query_timeout: timeouts.queryMs,
  } as pg.PoolConfig);
  // An idle connection the server closed (a restart, a terminated backend) is dropped by the pool,
  // which opens a new one when needed; without a listener, pg would throw the error at the process.
  pool.on("error", (error) => console.warn(`[db] an idle database connection failed and was dropped: ${error.message}`));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  poolsByClient.set(client, pool);
  return client;
}

/**
 * The rows of one SQL statement. On a client from createDb it goes straight to the pool; inside an
 * interactive transaction it goes through that transaction's $queryRaw, so it joins it.
 * pg's own type parsing applies on the direct path: write statements whose columns read the same
 * either way (no bigint or numeric columns; cast counts to integer).
 */
export async function queryRows<Row>(client: DbClient, statement: Prisma.Sql): Promise<Row[]> {
  const pool = poolsByClient.get(client);
  if (!pool) return client.$queryRaw<Row[]>(statement);
  return (await pool.query(statement.text, statement.values)).rows as Row[];
}

/** The app's bounds from the environment (README: DATABASE_*_TIMEOUT_MS). */
export function databaseTimeouts(config: Pick<ReturnType<typeof env>, "DATABASE_CONNECT_TIMEOUT_MS" | "DATABASE_STATEMENT_TIMEOUT_MS" | "DATABASE_LOCK_TIMEOUT_MS" | "DATABASE_QUERY_TIMEOUT_MS">): DatabaseTimeouts {
  return {
    connectMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    lockMs: config.DATABASE_LOCK_TIMEOUT_MS,
    queryMs: config.DATABASE_QUERY_TIMEOUT_MS,
  };
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
    const config = env();
    if (!config.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.");
    }
    globalForDb.db = createDb(config.DATABASE_URL, config.DATABASE_POOL_SIZE, databaseTimeouts(config));
  }
  return globalForDb.db;
}
