// Server side of the license-group page (R13–R18, decision 008): the grid's data and a large save, each
// as a ratio against a reference doing the same reads and writes as plain SQL through `pg`, in the
// same invocation and on the same database.
//
//   npm run bench:grid-server      (BENCH_RUNS, default 7; BENCH_DATABASE_URL: also run on that
//                                   PostgreSQL server, in a database this bench creates and drops)
//
// Seeded with bulk SQL: companies of 10,000 and 1,000 members (about 70 % registered, the rest
// invited contacts with their invitation mail), each with one group of 20 licenses (named, floating,
// node-locked; one expired), assignments, revoked history, live floating leases and activations.
//
// read   the page's data as it streams (decision 008, bench/grid-server-reads.ts): head + first page
//        of users, and head + every page, each vs the same statements through pg; counts must match
// save   saveAssignments with 1,000 changes (500 grants of free seats, 500 revocations) vs one pg
//        transaction with the same locks, reads, updates, inserts, audit events and version bump.
//        The reference writes the same outbox mails and invitation tokens (bench/grid-server-save.ts).
//        Runs alternate between the two change sets (grant A/revoke B, then grant B/revoke A), so
//        every run does the same amount of work.
import os from "node:os";
import pg from "pg";
import type { PrismaClient } from "@prisma/client";
import type { AssignmentChange } from "@/lib/assignments/assignment-change";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { createDb, useDb } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { measureReads, type ReadResult, type Timing } from "./grid-server-reads";
import { referenceSave } from "./grid-server-save";
import { withBenchDatabase } from "./support/bench-database";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const serverUrl = process.env.BENCH_DATABASE_URL;
const COMPANY_SIZES = [10_000, 1_000] as const;
const LICENSES_PER_GROUP = 20;
const SAVE_SIZE = 1_000;

type SeededCompany = { size: number; companyId: string; groupId: string; adminId: string };
type KindResult = { kind: string; reads: Map<number, ReadResult>; save: Timing & { appRuns: number[] } };

// ---------------------------------------------------------------- seed

async function seed(pool: pg.Pool): Promise<SeededCompany[]> {
  await pool.query(`
    INSERT INTO "Product" ("code", "name", "kind", "launchUrl", "downloadUrl") VALUES
      ('PROFIS_ENGINEERING', 'PROFIS Engineering', 'WEB', 'https://profis.example/', NULL),
      ('PROFIS_ANCHOR', 'PROFIS Anchor', 'DESKTOP', NULL, 'https://download.example/anchor'),
      ('PROFIS_INSTALLATION', 'PROFIS Installation', 'DESKTOP', NULL, 'https://download.example/installation'),
      ('DOCUMENTATION_MANAGER', 'Documentation Manager', 'WEB', 'https://docs.example/', NULL),
      ('FIRESTOP_DESIGNER', 'Firestop Designer', 'DESKTOP', NULL, 'https://download.example/firestop')`);
  const companies: SeededCompany[] = [];
  for (const size of COMPANY_SIZES) companies.push(await seedCompany(pool, size));
  await pool.query("ANALYZE");
  return companies;
}

async function seedCompany(pool: pg.Pool, size: number): Promise<SeededCompany> {
  const tag = `c${size}`;
  const {
    rows: [company],
  } = await pool.query<{ id: string }>(
    `INSERT INTO "Company" ("name", "country", "sapAccountNumber", "updatedAt") VALUES ($1, 'NL', $2, now()) RETURNING "id"`,
    [`Bench ${size} BV`, `SAP-${tag}`],
  );
  const companyId = company!.id;
  // Users: index 1 is the admin; every 10th (from 3) is invited-only (no password), plus every 10th from 7 → ~20–30 % invited.
  await pool.query(
    `INSERT INTO "User" ("email", "passwordHash", "emailVerifiedAt", "title", "firstName", "lastName", "position", "language", "updatedAt")
     SELECT 'user' || i || '.' || $2 || '@bench.example',
       CASE WHEN i % 10 IN (3, 7) THEN NULL ELSE '$argon2id$bench' END,
       CASE WHEN i % 10 IN (3, 7) THEN NULL ELSE now() END,
       (ARRAY['MR','MS','MX','DR'])[1 + i % 4]::"Title",
       (ARRAY['José','Jan','Anna','Émile','Piet','Sofía','Lars','Noor','Zoë','Ömer'])[1 + i % 10],
       (ARRAY['Jansen','de Vries','Müller','Bakker','Visser','Smit','Meijer','Øster','de Boer','Mulder'])[1 + (i / 10) % 10] || ' ' || i,
       'Engineer', (CASE WHEN i % 2 = 0 THEN 'nl' ELSE 'en' END)::"Locale", now()
     FROM generate_series(1, $1::int) AS i`,
    [size, tag],
  );
  await pool.query(
    `INSERT INTO "Membership" ("userId", "companyId", "role", "invitedAt", "updatedAt")
     SELECT u."id", $1::uuid, CASE WHEN u."email" = 'user1.' || $2 || '@bench.example' THEN 'ADMIN' ELSE 'USER' END::"MembershipRole",
       CASE WHEN u."passwordHash" IS NULL THEN now() END, now()
     FROM "User" u WHERE u."email" LIKE '%.' || $2 || '@bench.example'`,
    [companyId, tag],
  );
  const {
    rows: [admin],
  } = await pool.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [`user1.${tag}@bench.example`]);
  const {
    rows: [group],
  } = await pool.query<{ id: string }>(
    `INSERT INTO "LicenseGroup" ("companyId", "name", "sapAccountNumber", "updatedAt") VALUES ($1, 'Engineering', $2, now()) RETURNING "id"`,
    [companyId, `SAP-${tag}`],
  );
  const groupId = group!.id;
  // 20 licenses: k 1–12 named (seats from 40 % to 100 % of the company; k 12 expired), 13–17 floating, 18–20 node-locked.
  await pool.query(
    `INSERT INTO "License" ("groupId", "productId", "edition", "type", "seats", "validFrom", "validUntil", "activationKey", "updatedAt")
     SELECT $1::uuid, p."id", (ARRAY['STANDARD','PREMIUM','ENTERPRISE'])[1 + k % 3]::"LicenseEdition",
       (CASE WHEN k <= 12 THEN 'NAMED_USER' WHEN k <= 17 THEN 'FLOATING' ELSE 'NODE_LOCKED' END)::"LicenseType",
       CASE WHEN k <= 12 THEN ($2::int * (40 + 5 * k)) / 100 WHEN k <= 17 THEN 25 ELSE 1 END,
       now() - interval '200 days',
       CASE WHEN k = 12 THEN now() - interval '1 day' ELSE now() + (k || ' months')::interval END,
       CASE WHEN p."kind" = 'DESKTOP' THEN 'KEY-' || $3 || '-' || k END, now()
     FROM generate_series(1, ${LICENSES_PER_GROUP}) AS k
     JOIN LATERAL (SELECT "id", "kind" FROM "Product" ORDER BY "code" OFFSET (k % 5) LIMIT 1) p ON true`,
    [groupId, size, tag],
  );
  // Assignments: a named license is held by ~85 % of its seats,
  // a floating one by 30 %, a node-locked one by one person; plus revoked history for 5 %.
  await pool.query(
    `WITH lic AS (SELECT "id", "type", "seats", row_number() OVER (ORDER BY "id") AS k FROM "License" WHERE "groupId" = $1::uuid),
          mem AS (SELECT "userId", row_number() OVER (ORDER BY "userId") AS i FROM "Membership" WHERE "companyId" = $2::uuid)
     INSERT INTO "Assignment" ("licenseId", "userId", "assignedById", "assignedAt", "revokedById", "revokedAt")
     SELECT lic."id", mem."userId", $3::uuid, now() - interval '30 days',
       CASE WHEN (mem.i * 13 + lic.k) % 100 >= 95 THEN $3::uuid END,
       CASE WHEN (mem.i * 13 + lic.k) % 100 >= 95 THEN now() - interval '10 days' END
     FROM lic JOIN mem ON CASE lic."type"
       WHEN 'NAMED_USER' THEN (mem.i * 7 + lic.k * 11) % 100 < (lic."seats" * 85) / $4::int OR (mem.i * 13 + lic.k) % 100 >= 95
       WHEN 'FLOATING' THEN (mem.i * 7 + lic.k * 11) % 100 < 30
       ELSE mem.i = lic.k * 17 END`,
    [groupId, companyId, admin!.id, size],
  );
  // The invitation mail of every invited contact who holds a license (R17): sent, failed or pending.
  await pool.query(
    `INSERT INTO "EmailMessage" ("messageId", "template", "toAddress", "locale", "payload", "status", "sentAt", "lastError", "userId", "companyId", "createdAt")
     SELECT '<bench-' || gen_random_uuid() || '@localhost>', 'invitation', u."email", u."language", '{}'::jsonb,
       s.status::"EmailStatus", CASE WHEN s.status = 'SENT' THEN now() END, CASE WHEN s.status = 'FAILED' THEN '550 mailbox unavailable' END,
       u."id", $1::uuid, now() - interval '20 days'
     FROM "User" u JOIN "Membership" m ON m."userId" = u."id" AND m."companyId" = $1::uuid
     CROSS JOIN LATERAL (SELECT (ARRAY['SENT','SENT','SENT','FAILED','PENDING'])[1 + abs(hashtext(u."email")) % 5] AS status) s
     WHERE u."passwordHash" IS NULL`,
    [companyId],
  );
  // Devices for 5 % of the members, activations of the floating and node-locked licenses they hold,
  // and live browser leases on the floating licenses (the column's "who holds a seat now").
  await pool.query(
    `INSERT INTO "Device" ("userId", "fingerprint", "hostname")
     SELECT m."userId", 'fp-' || m."userId", 'WS-' || left(m."userId"::text, 8) FROM "Membership" m
     WHERE m."companyId" = $1::uuid AND abs(hashtext(m."userId"::text)) % 20 = 0`,
    [companyId],
  );
  await pool.query(
    `INSERT INTO "Activation" ("licenseId", "licenseType", "deviceId", "userId")
     SELECT a."licenseId", l."type", d."id", a."userId"
     FROM "Assignment" a JOIN "License" l ON l."id" = a."licenseId" AND l."groupId" = $1::uuid AND l."type" IN ('FLOATING', 'NODE_LOCKED')
     JOIN "Device" d ON d."userId" = a."userId"
     WHERE a."revokedAt" IS NULL`,
    [groupId],
  );
  await pool.query(
    `INSERT INTO "FloatingLease" ("licenseId", "userId", "browserSessionId", "expiresAt")
     SELECT a."licenseId", a."userId", 'session-' || a."id", now() + interval '1 hour'
     FROM "Assignment" a JOIN "License" l ON l."id" = a."licenseId" AND l."groupId" = $1::uuid AND l."type" = 'FLOATING'
     WHERE a."revokedAt" IS NULL AND abs(hashtext(a."id"::text)) % 50 = 0`,
    [groupId],
  );
  return { size, companyId, groupId, adminId: admin!.id };
}

/**
 * Two disjoint change sets of SAVE_SIZE / 2 pairs: A = pairs not held now, on licenses with enough
 * free seats (floating, or named with room); B = pairs held now. Saving "grant A, revoke B" and then
 * "grant B, revoke A" returns to the start, with the same seat headroom each time.
 */
async function pickChangeSets(pool: pg.Pool, company: SeededCompany): Promise<{ unheld: AssignmentChange[]; held: AssignmentChange[] }> {
  const half = SAVE_SIZE / 2;
  const { rows: unheld } = await pool.query(
    `WITH lic AS (
       SELECT l."id", l."type", l."seats" - (SELECT count(*) FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."revokedAt" IS NULL) AS free
       FROM "License" l WHERE l."groupId" = $1::uuid AND l."type" <> 'NODE_LOCKED' AND l."validUntil" > now()
     ), candidates AS (
       SELECT lic."id"::text AS "licenseId", m."userId"::text AS "userId",
         row_number() OVER (PARTITION BY lic."id" ORDER BY md5(m."userId"::text || lic."id"::text)) AS n, lic."type", lic.free
       FROM lic JOIN "Membership" m ON m."companyId" = $2::uuid
       WHERE NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."licenseId" = lic."id" AND a."userId" = m."userId" AND a."revokedAt" IS NULL)
     )
     SELECT "licenseId", "userId" FROM candidates WHERE n <= 50 AND ("type" = 'FLOATING' OR free >= 120) ORDER BY md5("licenseId" || "userId") LIMIT $3`,
    [company.groupId, company.companyId, half],
  );
  const { rows: held } = await pool.query(
    `SELECT a."licenseId"::text AS "licenseId", a."userId"::text AS "userId" FROM "Assignment" a
     JOIN "License" l ON l."id" = a."licenseId" AND l."groupId" = $1::uuid AND l."type" <> 'NODE_LOCKED'
     WHERE a."revokedAt" IS NULL AND a."userId" <> $2::uuid ORDER BY md5(a."id"::text) LIMIT $3`,
    [company.groupId, company.adminId, half],
  );
  if (unheld.length !== half || held.length !== half)
    throw new Error(`could not pick ${half} + ${half} changes (${unheld.length}, ${held.length})`);
  const key = (pair: { licenseId: string; userId: string }) => `${pair.licenseId}:${pair.userId}`;
  const heldKeys = new Set(held.map(key));
  if (unheld.some((pair) => heldKeys.has(key(pair)))) throw new Error("change sets overlap");
  return { unheld, held };
}

// ---------------------------------------------------------------- measuring

async function measureKind(kind: string, url: string): Promise<KindResult> {
  const log = (line: string) => console.error(`[${kind}] ${line}`);
  await migrate({ connectionString: url });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {}); // an idle connection ended by DROP DATABASE … WITH (FORCE) after a failure
  const prisma: PrismaClient = createDb(url, 10);
  useDb(prisma);
  try {
    const seedStartedAt = performance.now();
    const companies = await seed(pool);
    log(
      `seeded ${COMPANY_SIZES.join(" + ")} members × ${LICENSES_PER_GROUP} licenses in ${((performance.now() - seedStartedAt) / 1000).toFixed(1)} s`,
    );

    const reads = new Map<number, ReadResult>();
    for (const company of companies) {
      reads.set(
        company.size,
        await measureReads({ pool, groupId: company.groupId, adminId: company.adminId, runs: RUNS, time, median, log }),
      );
    }

    const company = companies.find((candidate) => candidate.size === 10_000)!;
    const { unheld, held } = await pickChangeSets(pool, company);
    const forward = [...unheld.map((pair) => ({ ...pair, assigned: true })), ...held.map((pair) => ({ ...pair, assigned: false }))];
    const backward = [...held.map((pair) => ({ ...pair, assigned: true })), ...unheld.map((pair) => ({ ...pair, assigned: false }))];
    const version = async () =>
      (await pool.query<{ version: number }>(`SELECT "version" FROM "LicenseGroup" WHERE "id" = $1`, [company.groupId])).rows[0]!.version;
    const appSaveTimes: number[] = [];
    const referenceSaveTimes: number[] = [];
    // Run 0 is the warm-up. Each run does "grant A, revoke B" once and "grant B, revoke A" once,
    // which returns to the start; app and reference take turns at going first.
    const saveWithApp = async (changes: AssignmentChange[]) => {
      const expectedVersion = await version();
      return time(async () => {
        const saved = await saveAssignments({ actor: { id: company.adminId }, groupId: company.groupId, expectedVersion, changes });
        if (saved.granted !== SAVE_SIZE / 2 || saved.revoked !== SAVE_SIZE / 2) throw new Error(`app save did ${JSON.stringify(saved)}`);
      });
    };
    const saveWithReference = async (changes: AssignmentChange[]) => {
      const expectedVersion = await version();
      return time(async () => {
        const saved = await referenceSave(pool, { groupId: company.groupId, actorId: company.adminId, expectedVersion, changes });
        if (saved.granted !== SAVE_SIZE / 2 || saved.revoked !== SAVE_SIZE / 2)
          throw new Error(`reference save did ${JSON.stringify(saved)}`);
      });
    };
    for (let run = 0; run <= RUNS; run++) {
      let appSeconds: number;
      let referenceSeconds: number;
      if (run % 2 === 0) {
        appSeconds = await saveWithApp(forward);
        referenceSeconds = await saveWithReference(backward);
      } else {
        referenceSeconds = await saveWithReference(forward);
        appSeconds = await saveWithApp(backward);
      }
      if (run === 0) continue;
      appSaveTimes.push(appSeconds);
      referenceSaveTimes.push(referenceSeconds);
    }
    log(`save: app ${fmt(appSaveTimes)}; reference ${fmt(referenceSaveTimes)}`);
    return { kind, reads, save: { app: median(appSaveTimes), reference: median(referenceSaveTimes), appRuns: appSaveTimes } };
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await work();
  return performance.now() - startedAt;
}

function median(values: number[]): number {
  const sorted = values.toSorted((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function fmt(milliseconds: number[]): string {
  return milliseconds.map((value) => value.toFixed(0)).join("/") + " ms";
}

async function main(): Promise<void> {
  const results: KindResult[] = [];
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  try {
    results.push(await measureKind("PGlite", embedded.url));
  } finally {
    await embedded.stop();
  }
  if (serverUrl) results.push(await withBenchDatabase(serverUrl, "lp_bench_grid", (url) => measureKind("PostgreSQL", url)));

  const load = os.loadavg()[0]!.toFixed(1);
  console.log(`\nlicense-group page, server side: median of ${RUNS} after a warm-up (machine: ${os.cpus().length} cores, load ${load})`);
  console.log(`${"database".padEnd(11)} ${"measure".padEnd(40)} ${"app".padStart(9)} ${"pg SQL".padStart(9)}   ratio`);
  const line = (kind: string, measure: string, timing: Timing) =>
    console.log(
      `${kind.padEnd(11)} ${measure.padEnd(40)} ${`${timing.app.toFixed(0)} ms`.padStart(9)} ${`${timing.reference.toFixed(0)} ms`.padStart(9)}   ×${(timing.app / timing.reference).toFixed(2)}`,
    );
  for (const result of results) {
    for (const [size, read] of [...result.reads].sort(([left], [right]) => left - right)) {
      line(result.kind, `first screen, ${size.toLocaleString("en")} users (${read.firstScreenKiB.toFixed(0)} KiB)`, read.firstScreen);
      line(result.kind, `all ${read.pages} pages (${read.streamMiB.toFixed(1)} MiB JSON)`, read.stream);
    }
    line(result.kind, `save ${SAVE_SIZE} changes (500+ / 500−)`, result.save);
  }
}

await main();
