// The project's migration runner (lib/db/migrate.ts, docs/decisions/003-migration-runner.md) on an
// empty database of each kind: order, Prisma-compatible history, idempotence, refusal of edited
// history, rollback of a failing migration, and several runners starting at once.
import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "@/lib/db/migrate";
import { createEmptyDatabase, type EmptyDatabase } from "../../setup/test-database";

type HistoryRow = {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

const databases: EmptyDatabase[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function emptyDatabase(): Promise<string> {
  const database = await createEmptyDatabase();
  databases.push(database);
  return database.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function history(url: string): Promise<HistoryRow[]> {
  return query<HistoryRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const [row] = await query<{ oid: string | null }>(url, `SELECT to_regclass($1)::text AS oid`, [`public."${table}"`]);
  return row?.oid != null;
}

/** A copy of prisma/migrations that a test may edit without touching the real files. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lp-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("migrate()", () => {
  test("applies every migration in name order and records it as Prisma does", async () => {
    const url = await emptyDatabase();
    const files = await readMigrations();
    const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory());
    expect(files.map((file) => file.name)).toEqual(folders.map((entry) => entry.name).sort());
    expect(files.length).toBeGreaterThanOrEqual(2);

    const result = await migrate({ connectionString: url });

    expect(result).toEqual({ applied: files.map((file) => file.name), alreadyApplied: 0 });
    // Prisma's own `_prisma_migrations`, column for column, so `prisma migrate deploy` elsewhere reads it.
    const columns = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", length: null, is_nullable: "NO", column_default: "0" },
    ]);

    const rows = await history(url);
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, row] of rows.entries()) {
      const file = files[index]!;
      expect(row.checksum).toBe(sha256(file.sql));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The schema is there, hand-written invariants included.
    expect(await tableExists(url, "License")).toBe(true);
    const [check] = await query(url, `SELECT conname FROM pg_constraint WHERE conname = 'license_node_locked_single_seat'`);
    expect(check).toBeDefined();
  });

  test("a second run applies nothing and leaves the history as it was", async () => {
    const url = await emptyDatabase();
    const first = await migrate({ connectionString: url });
    const before = await history(url);

    const second = await migrate({ connectionString: url });

    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    expect(await history(url)).toEqual(before);
  });

  test("refuses a migration that was changed after it was applied, naming it, and changes nothing", async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate({ connectionString: url, dir });
    const before = await history(url);
    const edited = before[0]!.migration_name;
    await appendFile(path.join(dir, edited, "migration.sql"), "\n-- an innocent-looking edit\n");
    // A pending migration behind the edited one must not be applied either.
    await addMigration(dir, "29991231000000_pending", `CREATE TABLE "PendingTable" ("id" INTEGER);`);

    const attempt = migrate({ connectionString: url, dir });

    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(new RegExp(`Migration ${edited} was changed after it was applied`));
    expect(await history(url)).toEqual(before);
    expect(await tableExists(url, "PendingTable")).toBe(false);
  });

  test("rolls a failing migration back completely and names it", async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    const broken = "29991231000000_broken";
    await addMigration(
      dir,
      broken,
      `CREATE TABLE "HalfDone" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "HalfDone" VALUES (1);\nSELECT * FROM "NoSuchTable";\n`,
    );

    const attempt = migrate({ connectionString: url, dir });

    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(new RegExp(`Migration ${broken} failed and was rolled back: .*NoSuchTable`));
    expect(await tableExists(url, "HalfDone")).toBe(false);
    const rows = await history(url);
    expect(rows.map((row) => row.migration_name)).not.toContain(broken);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
    expect(rows).toHaveLength((await readMigrations()).length);

    // Nothing was left half-done: once fixed, the same migration applies.
    await writeFile(path.join(dir, broken, "migration.sql"), `CREATE TABLE "HalfDone" ("id" INTEGER PRIMARY KEY);\n`);
    expect(await migrate({ connectionString: url, dir })).toMatchObject({ applied: [broken] });
    expect(await tableExists(url, "HalfDone")).toBe(true);
  });

  test("four runners starting at once all succeed and apply each migration exactly once", async () => {
    const url = await emptyDatabase();
    const files = await readMigrations();

    // Each call opens its own connection, as four app instances starting together would.
    // allSettled: every runner finishes before the database is dropped, and each failure is listed.
    const settled = await Promise.allSettled(Array.from({ length: 4 }, () => migrate({ connectionString: url })));

    expect(settled.flatMap((outcome) => (outcome.status === "rejected" ? [String(outcome.reason)] : []))).toEqual([]);
    const results = settled.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    const appliedByAnyone = results.flatMap((result) => result.applied).sort();
    expect(appliedByAnyone).toEqual(files.map((file) => file.name));
    const rows = await history(url);
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });
});
