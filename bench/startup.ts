// Startup benchmark: time from `npm start` to the first page served, and idle memory.
//
//   npm run bench:startup            (needs a production build: `npm run build`)
//
// Runs, in one invocation and on this machine:
//   reference  `npm start` against the machine's PostgreSQL (BENCH_DATABASE_URL, default
//              postgresql://postgres@127.0.0.1:5432/postgres; a bench database is created, migrated
//              and seeded by a first, untimed start)
//   fresh      `npm start` on the embedded database with an empty DATA_DIR (create, migrate, seed)
//   warm       `npm start` again on that DATA_DIR
// and prints each time with its ratio to the reference, plus the idle RSS of the whole process
// tree (launcher with PGlite + Next.js server) 5 s after the first page.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const repeat = Number(process.env.BENCH_REPEAT ?? 3);

type Run = { seconds: number; rssMiB: number };

async function main(): Promise<void> {
  const benchDb = await createBenchDatabase();
  const env = { PORT: String(PORT), AUTH_SECRET: "bench-secret-bench-secret-bench-secret-1234" };
  try {
    await startOnce({ ...env, DATABASE_URL: benchDb.url, SEED_DEMO: "force" }); // prepare, untimed
    const results: Record<string, Run[]> = { reference: [], fresh: [], warm: [] };
    for (let i = 0; i < repeat; i++) {
      results.reference!.push(await startOnce({ ...env, DATABASE_URL: benchDb.url }));
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "lp-bench-"));
      results.fresh!.push(await startOnce({ ...env, DATA_DIR: dataDir }));
      results.warm!.push(await startOnce({ ...env, DATA_DIR: dataDir }));
      await rm(dataDir, { recursive: true, force: true });
    }
    const reference = median(results.reference!.map((run) => run.seconds));
    console.log(`\nstartup to first page, median of ${repeat} (machine: ${os.cpus().length} cores)`);
    for (const [name, runs] of Object.entries(results)) {
      const seconds = median(runs.map((run) => run.seconds));
      const rss = median(runs.map((run) => run.rssMiB));
      console.log(
        `${name.padEnd(10)} ${seconds.toFixed(2).padStart(6)} s  ×${(seconds / reference).toFixed(2)} of reference   idle RSS ${rss.toFixed(0)} MiB`,
      );
    }
  } finally {
    await benchDb.drop();
  }
}

async function startOnce(extraEnv: Record<string, string>): Promise<Run> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "lib/runtime/start.ts"], {
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForPage(`http://127.0.0.1:${PORT}/`, child);
    const seconds = (performance.now() - startedAt) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    return { seconds, rssMiB: treeRssMiB(child.pid!) };
  } finally {
    await stop(child);
  }
}

async function waitForPage(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no page at ${url} within 300 s`);
}

/** Resident memory of a process and all its descendants, in MiB. */
function treeRssMiB(rootPid: number): number {
  const table = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const inTree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of table) {
      if (inTree.has(ppid) && !inTree.has(pid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  const kib = table.filter(([pid]) => inTree.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0);
  return kib / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  await exited;
}

async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lp_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

await main();
