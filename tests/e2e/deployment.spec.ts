// How the app is run, end to end against the production build: several instances sharing one
// PostgreSQL server, and the embedded database surviving a Ctrl-C and a restart. These start
// their own launchers (besides the one playwright.config.ts starts on 3100, with its database on 3101)
// on ports 3181–3183 (moved with E2E_PORT like the rest of playwright.config.ts).
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { launch, signsIn, stop, waitForHealth } from "./support/launcher";

// The machine's PostgreSQL; .ci/run sets TEST_DATABASE_URL to it.
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const [firstPort, secondPort, embeddedPort] = [81, 82, 83].map((offset) => Number(process.env.E2E_PORT ?? 3100) + offset) as [
  number,
  number,
  number,
];
const AUTH_SECRET = "e2e-deployment-secret-e2e-deployment-secret";

test("two instances started together on one PostgreSQL both serve, migrating and seeding once", async () => {
  test.setTimeout(240_000);
  const name = `lp_e2e_instances_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString(), AUTH_SECRET, SEED_DEMO: "force" };
  const instances = [launch({ ...env, PORT: String(firstPort) }), launch({ ...env, PORT: String(secondPort) })];
  try {
    await Promise.all([waitForHealth(firstPort, instances[0]!), waitForHealth(secondPort, instances[1]!)]);
    for (const port of [firstPort, secondPort]) {
      const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Aanmelden");
      // Both instances share sessions' secret and database: the demo admin signs in on each,
      // and a wrong password does not.
      expect(await signsIn(port, "admin@demo.example")).toBe(true);
      expect(await signsIn(port, "admin@demo.example", "not-the-password")).toBe(false);
    }
    const database = new pg.Client({ connectionString: url.toString() });
    await database.connect();
    try {
      const migrations = await database.query(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`);
      expect(migrations.rows.length).toBeGreaterThanOrEqual(2);
      expect(migrations.rows.every((row) => row.n === 1)).toBe(true);
      const companies = await database.query(`SELECT count(*)::int AS n FROM "Company"`);
      expect(companies.rows[0].n).toBe(2);
    } finally {
      await database.end();
    }
    // The embedded database is never started when DATABASE_URL is given.
    for (const instance of instances) expect(instance.output()).not.toContain("embedded PGlite");
  } finally {
    await Promise.all(instances.map(stop));
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});

test("Ctrl-C shuts the embedded database down cleanly and a restart keeps its data", async () => {
  test.setTimeout(240_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lp-e2e-embedded-"));
  try {
    const first = launch({ DATA_DIR: dataDir, PORT: String(embeddedPort) });
    try {
      await waitForHealth(embeddedPort, first);
      expect(first.output()).toContain("(new)");
      expect(first.output()).toContain("admin@demo.example");
    } finally {
      expect(await stop(first)).toBe(0);
    }
    expect(first.output()).toContain("stopped cleanly");

    const second = launch({ DATA_DIR: dataDir, PORT: String(embeddedPort) });
    try {
      await waitForHealth(embeddedPort, second);
      expect(second.output()).toContain("(existing)");
      expect(second.output()).toContain("0 applied");
      expect(second.output()).not.toContain("demo data seeded");
      // The demo accounts from the first run still sign in: the data survived the restart.
      expect(await signsIn(embeddedPort, "admin@demo.example")).toBe(true);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** Signs in through the licensing API; the access token's key id (a signing key kept in the database, encrypted with AUTH_SECRET). */
async function apiSignIn(port: number, email: string): Promise<{ status: number; keyId: string | null }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "Demo-Password-2026", client: "E2E move" }),
  });
  if (response.status !== 201) return { status: response.status, keyId: null };
  const { accessToken } = (await response.json()) as { accessToken: string };
  const header = JSON.parse(Buffer.from(accessToken.split(".")[0]!, "base64url").toString("utf8")) as { kid: string };
  return { status: response.status, keyId: header.kid };
}

test("the embedded database moves to a PostgreSQL server — db:export, psql -f, npm start on the server — with its data, accounts and signing keys", async () => {
  test.setTimeout(300_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lp-e2e-move-"));
  const database = `lp_e2e_move_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // A demo on the embedded database, used once: an API sign-in makes its signing key.
    const embedded = launch({ DATA_DIR: dataDir, PORT: String(embeddedPort) });
    let keyId: string | null;
    try {
      await waitForHealth(embeddedPort, embedded);
      ({ keyId } = await apiSignIn(embeddedPort, "user@demo.example"));
      expect(keyId).toBeTruthy();
    } finally {
      expect(await stop(embedded)).toBe(0);
    }

    // The move, as the README shows it.
    const dump = path.join(dataDir, "portal.sql");
    const exported = spawnSync(process.execPath, ["--import", "tsx", "prisma/export.ts", "--out", dump], {
      env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", DATABASE_URL: "", DATA_DIR: dataDir },
      encoding: "utf8",
    });
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`psql -v ON_ERROR_STOP=1 -d <database> -f ${dump}`);
    await admin.query(`CREATE DATABASE "${database}"`);
    const target = new URL(serverUrl);
    target.pathname = `/${database}`;
    const imported = spawnSync("psql", ["-v", "ON_ERROR_STOP=1", "-q", "-d", target.toString(), "-f", dump], { encoding: "utf8" });
    expect(imported.status, imported.stderr).toBe(0);

    // npm start on the server database, with the embedded run's secret: nothing to migrate, no
    // demo seeded again, the same people sign in and the same signing key signs their tokens.
    const authSecret = (await readFile(path.join(dataDir, "auth-secret"), "utf8")).trim();
    const server = launch({
      DATABASE_URL: target.toString(),
      AUTH_SECRET: authSecret,
      SEED_DEMO: "false",
      DATA_DIR: path.join(dataDir, "server"),
      PORT: String(embeddedPort),
    });
    try {
      await waitForHealth(embeddedPort, server);
      expect(server.output()).toContain("0 applied");
      expect(await signsIn(embeddedPort, "admin@demo.example")).toBe(true);
      expect(await apiSignIn(embeddedPort, "user@demo.example")).toEqual({ status: 201, keyId });
    } finally {
      expect(await stop(server)).toBe(0);
    }
    const moved = new pg.Client({ connectionString: target.toString() });
    await moved.connect();
    try {
      const { rows } = await moved.query<{ companies: number; licenses: number }>(
        `SELECT (SELECT count(*) FROM "Company")::int AS companies, (SELECT count(*) FROM "License")::int AS licenses`,
      );
      expect(rows[0]!.companies).toBeGreaterThanOrEqual(2);
      expect(rows[0]!.licenses).toBeGreaterThan(0);
    } finally {
      await moved.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
});
