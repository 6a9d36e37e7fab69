// A fresh, migrated database for one integration test file, on the kind of database the
// running Vitest project stands for (see vitest.config.ts): embedded PGlite or real PostgreSQL.
// The domain's process-wide client (lib/db/client.ts `db()`) is pointed at it for the file.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, useDb } from "../../lib/db/client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../lib/db/embedded";
import { databaseUrl } from "./urls";

export type TestDatabase = {
  kind: "pglite" | "postgres";
  /** postgresql:// URL of this file's database. */
  url: string;
  db: PrismaClient;
};

export async function createTestDatabase(): Promise<TestDatabase & { drop: () => Promise<void> }> {
  const kind = inject("databaseKind");
  if (kind === "postgres") {
    const serverUrl = inject("postgresServerUrl");
    const name = `lp_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("postgresTemplate")}"`);
    await admin.end();
    const url = databaseUrl(serverUrl, name);
    const db = createDb(url);
    return {
      kind,
      url,
      db,
      drop: async () => {
        await db.$disconnect();
        const cleanup = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const dump = await readFile(inject("pgliteTemplateFile"));
  const embedded: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir: null, loadDataDir: new Blob([dump]) });
  const db = createDb(embedded.url);
  return {
    kind,
    url: embedded.url,
    db,
    drop: async () => {
      await db.$disconnect();
      await embedded.stop();
    },
  };
}

/**
 * Registers beforeAll/afterAll hooks for a file's database; the returned object's fields are
 * filled in before the first test runs.
 */
export function useTestDatabase(): TestDatabase {
  const handle = {} as TestDatabase;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase();
    Object.assign(handle, { kind: created.kind, url: created.url, db: created.db });
    drop = created.drop;
    useDb(created.db);
  }, 60_000);
  afterAll(async () => {
    await drop?.();
  });
  return handle;
}

export type EmptyDatabase = {
  kind: "pglite" | "postgres";
  /** postgresql:// URL of the new, unmigrated database. */
  url: string;
  drop: () => Promise<void>;
};

/**
 * A new database with nothing in it, not even `_prisma_migrations`, on the kind of database the
 * running Vitest project stands for: the migration runner and the schema-drift test start from it.
 */
export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  const kind = inject("databaseKind");
  if (kind === "postgres") {
    const serverUrl = inject("postgresServerUrl");
    const name = `lp_empty_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
    await admin.connect();
    try {
      // template0, not the default template1: whatever someone added to template1 on this server
      // would otherwise show up in the catalog comparisons.
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
    } finally {
      await admin.end();
    }
    return {
      kind,
      url: databaseUrl(serverUrl, name),
      drop: async () => {
        const cleanup = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
        await cleanup.connect();
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await cleanup.end();
        }
      },
    };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  return { kind, url: embedded.url, drop: () => embedded.stop() };
}
