// Runs once per integration project and `vitest run`: migrates one template database, so every
// integration test file starts from a fresh, migrated copy instead of re-running the migrations.
//   integration-pglite:   an in-memory PGlite, migrated, dumped to a file each test file loads.
//   integration-postgres: a migrated template database on TEST_DATABASE_URL's server.
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "../../lib/db/embedded";
import { migrate, readMigrations } from "../../lib/db/migrate";
import { databaseUrl } from "./urls";

declare module "vitest" {
  export interface ProvidedContext {
    databaseKind: "pglite" | "postgres";
    pgliteTemplateFile: string;
    postgresServerUrl: string;
    postgresTemplate: string;
  }
}

export default async function globalSetup(project: TestProject) {
  if (project.name.endsWith("postgres")) return setupPostgres(project);
  return setupPglite(project);
}

async function setupPglite(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "license-portal-tests-"));
  const file = path.join(dir, "migrated.tar");
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  try {
    await migrate({ connectionString: embedded.url });
    const dump = await embedded.pglite.dumpDataDir("none");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await embedded.stop();
  }
  project.provide("databaseKind", "pglite");
  project.provide("pgliteTemplateFile", file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

async function setupPostgres(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("The integration-postgres project needs TEST_DATABASE_URL.");
  const migrations = await readMigrations();
  const fingerprint = createHash("sha256")
    .update(migrations.map((migration) => migration.checksum).join(""))
    .digest("hex")
    .slice(0, 12);
  const template = `lp_template_${fingerprint}`;

  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await admin.connect();
  try {
    // Several runs on one server (two checkouts, a developer and CI) build the template once.
    await admin.query("SELECT pg_advisory_lock(72253114002)");
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (!rowCount) {
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      await migrate({ connectionString: databaseUrl(serverUrl, building) });
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    }
    await admin.query("SELECT pg_advisory_unlock(72253114002)");
  } finally {
    await admin.end();
  }
  project.provide("databaseKind", "postgres");
  project.provide("postgresServerUrl", serverUrl);
  project.provide("postgresTemplate", template);
}
