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

export function createDb(connectionString: string, poolSize = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: poolSize });
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
