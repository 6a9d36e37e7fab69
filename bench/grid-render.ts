// Grid rendering benchmark (R13: "it stays smooth with 10,000 users × 20 licenses"): time to the
// first rendered row of the group page, time until every user has streamed in (decision 008), and
// frame times while scrolling it, in Chromium, as ratios against a reference in the same
// invocation — the same page for a company of 100 users.
//
//   npm run bench:grid        (needs a production build: `npm run build`; BENCH_GRID_USERS,
//                              default 10000; BENCH_GRID_REPEAT, default 5; BENCH_PORT, default 3192)
//
// It starts the built app on a throwaway embedded database (demo seed), adds two companies by fast
// SQL through the embedded database's socket — "Bench 100" and "Bench <N>", each with one group of
// 20 licenses (12 named, 8 floating) and ~3 assignments per user — makes the demo admin their
// admin, then opens both group pages in Chromium:
//   first row   ms from navigation start to the first data row of the grid in the DOM (median)
//   all users   ms from navigation start until the grid holds every user (data-user-stream="complete")
//   fling       requestAnimationFrame deltas over 300 frames scrolling ~32 new rows per frame
//   wheel       the same with ~5 rows per frame (median and p95; 16.7 ms is one frame at 60 Hz)
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import pg from "pg";

const PORT = Number(process.env.BENCH_PORT ?? 3192);
const DB_PORT = PORT + 1;
const USERS = Number(process.env.BENCH_GRID_USERS ?? 10_000);
const REFERENCE_USERS = 100;
const REPEAT = Number(process.env.BENCH_GRID_REPEAT ?? 5);
const SCROLL_FRAMES = 300;
const baseUrl = `http://127.0.0.1:${PORT}`;
const ADMIN_EMAIL = "admin@demo.example";
const PASSWORD = "Demo-Password-2026";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

type Measurement = { firstRowMs: number[]; allUsersMs: number[]; serverMs: number[]; frameMs: number[]; wheelFrameMs: number[] };

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lp-bench-grid-"));
  const app = startApp(dataDir);
  try {
    await waitForHealth(app);
    const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${DB_PORT}/postgres?sslmode=disable` });
    client.on("error", (error) => console.error("database connection:", error.message));
    await client.connect();
    const seedStart = performance.now();
    const referenceGroup = await seedCompany(client, REFERENCE_USERS, "0009000100");
    const largeGroup = await seedCompany(client, USERS, "0009000200");
    await client.end();
    console.log(`seeded ${REFERENCE_USERS} + ${USERS} users in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "nl-NL" });
      await signIn(page);
      await measure(page, referenceGroup); // warm-up: compiles nothing, but fills caches on both sides
      const reference = await measure(page, referenceGroup);
      const large = await measure(page, largeGroup);
      report(reference, large);
    } finally {
      await browser.close();
    }
  } finally {
    await stopApp(app);
    await rm(dataDir, { recursive: true, force: true });
  }
}

function startApp(dataDir: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "lib/runtime/start.ts"], {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      PORT: String(PORT),
      EMBEDDED_DB_PORT: String(DB_PORT),
      DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.pid === undefined) return;
  const exited = new Promise((resolve) => app.once("exit", resolve));
  process.kill(-app.pid, "SIGINT");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

async function waitForHealth(app: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}; is there a build (npm run build)?`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the app did not become healthy within 180 s");
}

/** One company with `users` members and a group of 20 licenses; returns the group id. */
async function seedCompany(client: pg.Client, users: number, sapAccountNumber: string): Promise<string> {
  const tag = `b${users}`;
  // No explicit transaction: the embedded database is one session shared with the running app.
  const {
    rows: [company],
  } = await client.query<{ id: string }>(
    `INSERT INTO "Company" (id, name, country, "sapAccountNumber", "updatedAt") VALUES (gen_random_uuid(), $1, 'NL', $2, now()) RETURNING id`,
    [`Bench ${users}`, sapAccountNumber],
  );
  await client.query(
    `INSERT INTO "User" (id, email, "firstName", "lastName", position, "emailVerifiedAt", "updatedAt")
     SELECT gen_random_uuid(), $1 || '-' || i || '@bench.example', (ARRAY['José','Zoë','Özlem','Daan','Renée'])[1 + i % 5], 'Bénchmark ' || lpad(i::text, 5, '0'), 'Tester',
            CASE WHEN i % 3 = 0 THEN NULL ELSE now() END, now()
     FROM generate_series(1, $2::int) AS i`,
    [tag, users],
  );
  await client.query(
    `INSERT INTO "Membership" (id, "userId", "companyId", role, "updatedAt")
     SELECT gen_random_uuid(), id, $1::uuid, 'USER'::"MembershipRole", now() FROM "User" WHERE email LIKE $2
     UNION ALL SELECT gen_random_uuid(), id, $1::uuid, 'ADMIN'::"MembershipRole", now() FROM "User" WHERE email = $3`,
    [company!.id, `${tag}-%@bench.example`, ADMIN_EMAIL],
  );
  const {
    rows: [group],
  } = await client.query<{ id: string }>(
    `INSERT INTO "LicenseGroup" (id, "companyId", name, "sapAccountNumber", "updatedAt") VALUES (gen_random_uuid(), $1, 'Bench group', $2, now()) RETURNING id`,
    [company!.id, sapAccountNumber],
  );
  await client.query(
    `INSERT INTO "License" (id, "groupId", "productId", type, seats, "validFrom", "validUntil", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, (SELECT id FROM "Product" WHERE kind = 'WEB' ORDER BY code LIMIT 1),
            (CASE WHEN i <= 12 THEN 'NAMED_USER' ELSE 'FLOATING' END)::"LicenseType", CASE WHEN i <= 12 THEN $2::int ELSE 5 END,
            now() - interval '1 day', now() + interval '300 days', now()
     FROM generate_series(1, 20) AS i`,
    [group!.id, users],
  );
  await client.query(
    `INSERT INTO "Assignment" (id, "licenseId", "userId", "assignedAt")
     SELECT gen_random_uuid(), l.id, u.id, now()
     FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM "User" WHERE email LIKE $2) u
     CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "License" WHERE "groupId" = $1::uuid) l
     WHERE (u.n + l.n) % 7 = 0`,
    [group!.id, `${tag}-%@bench.example`],
  );
  return group!.id;
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("E-mailadres").fill(ADMIN_EMAIL);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

async function measure(page: Page, groupId: string): Promise<Measurement> {
  const result: Measurement = { firstRowMs: [], allUsersMs: [], serverMs: [], frameMs: [], wheelFrameMs: [] };
  for (let i = 0; i < REPEAT; i++) {
    await page.goto(`${baseUrl}/software-management/${groupId}`, { waitUntil: "commit" });
    // One check per frame records, on the page's own clock, when each moment first holds.
    const handle = await page.waitForFunction(
      () => {
        const bench = window as { gridBench?: { firstRow?: number; allUsers?: number; responseEnd?: number } };
        const seen = (bench.gridBench ??= {});
        const now = performance.now();
        if (seen.firstRow === undefined && document.querySelector('[role="grid"] [aria-rowindex="2"]')) seen.firstRow = now;
        if (seen.allUsers === undefined && document.querySelector('[data-user-stream="complete"]')) seen.allUsers = now;
        // The document ends with the last page of users, which streams in the same response.
        const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        if (seen.responseEnd === undefined && navigation && navigation.responseEnd > 0) seen.responseEnd = navigation.responseEnd;
        return seen.firstRow !== undefined && seen.allUsers !== undefined && seen.responseEnd !== undefined ? seen : null;
      },
      undefined,
      { polling: "raf", timeout: 120_000 },
    );
    const seen = (await handle.jsonValue()) as { firstRow: number; allUsers: number; responseEnd: number };
    result.firstRowMs.push(seen.firstRow);
    result.allUsersMs.push(seen.allUsers);
    result.serverMs.push(seen.responseEnd);
    console.error(
      `  ${groupId.slice(0, 8)} run ${i + 1}: first row ${seen.firstRow.toFixed(0)} ms, all users ${seen.allUsers.toFixed(0)} ms, response end ${seen.responseEnd.toFixed(0)} ms`,
    );
  }
  // ~32 rows per frame: every frame shows only rows that were not in the DOM (a fast fling);
  // ~5 rows per frame: an ordinary mouse-wheel scroll.
  result.frameMs = await scrollFrames(page, 1800);
  result.wheelFrameMs = await scrollFrames(page, 280);
  return result;
}

function scrollFrames(page: Page, step: number): Promise<number[]> {
  return page.evaluate(
    async ({ frames, step }) => {
      // The rows scroll with the page (window virtualizer, decision 020).
      const page = document.scrollingElement!;
      const max = page.scrollHeight - page.clientHeight;
      page.scrollTop = 0;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const deltas: number[] = [];
      let last = performance.now();
      for (let frame = 1; frame <= frames; frame++) {
        page.scrollTop = (frame * step) % (max + 1);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    },
    { frames: SCROLL_FRAMES, step },
  );
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(reference: Measurement, large: Measurement): void {
  const rows: [string, (m: Measurement) => number][] = [
    ["first grid row (ms, median)", (m) => percentile(m.firstRowMs, 50)],
    ["all users in the grid (ms, median)", (m) => percentile(m.allUsersMs, 50)],
    ["page response complete (ms, median)", (m) => percentile(m.serverMs, 50)],
    ["fling frame, 32 rows (ms, median)", (m) => percentile(m.frameMs, 50)],
    ["fling frame, 32 rows (ms, p95)", (m) => percentile(m.frameMs, 95)],
    ["wheel frame, 5 rows (ms, median)", (m) => percentile(m.wheelFrameMs, 50)],
    ["wheel frame, 5 rows (ms, p95)", (m) => percentile(m.wheelFrameMs, 95)],
  ];
  console.log(`\ngroup page, ${USERS} users × 20 licenses against ${REFERENCE_USERS} users × 20 (machine: ${os.cpus().length} cores)`);
  for (const [name, pick] of rows) {
    const referenceValue = pick(reference);
    const value = pick(large);
    console.log(
      `${name.padEnd(34)} ${REFERENCE_USERS}: ${referenceValue.toFixed(1).padStart(8)}   ${USERS}: ${value.toFixed(1).padStart(8)}   ×${(value / referenceValue).toFixed(2)}`,
    );
  }
}

await main();
