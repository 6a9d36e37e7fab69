// Fails when prisma/schema.prisma and prisma/migrations disagree. Database A is built by the
// migration runner; database B by the SQL `prisma migrate diff --from-empty` generates from a
// schema file. Their catalogs must match, except for the hand-written migrations (the invariants, the seat function),
// whose objects exist only in A and must be exactly the ones it names.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { createEmptyDatabase, type EmptyDatabase } from "../../setup/test-database";
import { diffCatalogs, findDrift, formatCatalogDiff, namesCreatedIn, readCatalog, type Catalog } from "../../setup/schema-catalog";

const run = promisify(execFile);
const SCHEMA_FILE = path.resolve("prisma", "schema.prisma");
// The hand-written migrations: the invariants, the seat function (decision 012) and the session
// check inside the seat statements (decision 013).
const HAND_WRITTEN_FILES = [
  "20261128000100_invariants",
  "20261204000000_take_floating_seat",
  "20261205000000_session_checked_in_seat_statements",
].map((name) => path.join(MIGRATIONS_DIR, name, "migration.sql"));

const databases: EmptyDatabase[] = [];
let tempDir: string;
let migrationsCatalog: Catalog;
let schemaCatalog: Catalog;
let modifiedSchemaCatalog: Catalog;
let invariantsSql: string;

/**
 * The SQL Prisma would generate for `schemaFile` on an empty database. The driver-adapter
 * config makes the CLI connect to DATABASE_URL even though it only prints SQL
 * (TOOLCHAIN correction), so it gets the URL of a database this test started.
 */
async function sqlFromSchema(schemaFile: string, reachableUrl: string): Promise<string> {
  const { stdout } = await run("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"], {
    cwd: path.resolve("."),
    env: { ...process.env, DATABASE_URL: reachableUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    maxBuffer: 16 * 1024 * 1024,
  });
  expect(stdout).toContain("CREATE TABLE");
  return stdout;
}

async function emptyDatabase(): Promise<EmptyDatabase> {
  const database = await createEmptyDatabase();
  databases.push(database);
  return database;
}

async function catalogFromSchema(schemaFile: string): Promise<Catalog> {
  const database = await emptyDatabase();
  const sql = await sqlFromSchema(schemaFile, database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
  return readCatalog(database.url);
}

async function catalogFromMigrations(): Promise<Catalog> {
  const database = await emptyDatabase();
  await migrate({ connectionString: database.url });
  return readCatalog(database.url);
}

/** schema.prisma with one column added, one index dropped and one foreign key's ON DELETE changed. */
async function writeModifiedSchema(): Promise<string> {
  const edits: [string, string][] = [
    ['  position        String    @default("")\n', '  position        String    @default("")\n  nickname        String?\n'],
    ["  @@index([country, name])\n", ""],
    [
      '@relation("MembershipUser", fields: [userId], references: [id], onDelete: Restrict)',
      '@relation("MembershipUser", fields: [userId], references: [id], onDelete: Cascade)',
    ],
  ];
  let schema = await readFile(SCHEMA_FILE, "utf8");
  for (const [from, to] of edits) {
    // Fails loudly if schema.prisma changed so that this proof no longer edits anything.
    expect(schema.split(from)).toHaveLength(2);
    schema = schema.replace(from, to);
  }
  const file = path.join(tempDir, "schema.prisma");
  await writeFile(file, schema);
  return file;
}

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), "lp-schema-drift-"));
  invariantsSql = (await Promise.all(HAND_WRITTEN_FILES.map((file) => readFile(file, "utf8")))).join("\n");
  const modifiedSchemaFile = await writeModifiedSchema();
  // The CLI takes seconds per run, so the three databases are built side by side.
  [migrationsCatalog, schemaCatalog, modifiedSchemaCatalog] = await Promise.all([
    catalogFromMigrations(),
    catalogFromSchema(SCHEMA_FILE),
    catalogFromSchema(modifiedSchemaFile),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe("schema drift", () => {
  test("the migrations build exactly what schema.prisma describes, plus the hand-written invariants", () => {
    expect(schemaCatalog.size).toBeGreaterThan(100);

    const drift = findDrift(migrationsCatalog, schemaCatalog, invariantsSql);

    // A readable diff in the failure message: "- only in migrations: …", "+ only in schema.prisma: …".
    expect(formatCatalogDiff(drift)).toBe("");
  });

  test("what exists only in the migrations' database is exactly what the invariants migration names", () => {
    const onlyInMigrations = diffCatalogs(migrationsCatalog, schemaCatalog).onlyInA;
    const named = namesCreatedIn(invariantsSql);

    expect(onlyInMigrations.filter((entry) => !named.has(entry.name)).map((entry) => entry.key)).toEqual([]);
    // And every object the invariants migration names really was created, as something schema.prisma lacks.
    expect([...named].filter((name) => !onlyInMigrations.some((entry) => entry.name === name))).toEqual([]);
    const kinds = new Set(onlyInMigrations.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(["constraint", "function", "index", "trigger"]);
  });

  test("a schema.prisma that disagrees with the migrations is reported, change by change", () => {
    const drift = findDrift(migrationsCatalog, modifiedSchemaCatalog, invariantsSql);
    const report = formatCatalogDiff(drift);

    expect(drift.onlyInB.map((entry) => entry.key)).toEqual(["column User.nickname"]);
    expect(drift.onlyInA.map((entry) => entry.key)).toEqual(["index Company.Company_country_name_idx"]);
    expect(drift.changed).toEqual([
      {
        key: "constraint Membership.Membership_userId_fkey",
        a: expect.stringContaining("ON DELETE RESTRICT"),
        b: expect.stringContaining("ON DELETE CASCADE"),
      },
    ]);
    expect(report).toContain("+ only in schema.prisma: column User.nickname: text NULL");
    expect(report).toContain("- only in migrations: index Company.Company_country_name_idx: CREATE INDEX <name> ON");
    expect(report).toContain("~ constraint Membership.Membership_userId_fkey");
  });
});
