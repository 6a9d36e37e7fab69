// Load shedding (docs/OPERATIONS.md, lib/runtime/request-admission.ts): one instance, desktop seats
// taken and released by far more clients than it may work on at once. Measured: the share answered
// 503 OVERLOADED (each with Retry-After), the p99 of the requests admitted against the p99 of the
// same load unloaded, the longest wait, and the instance's memory before, at the peak and after.
//
//   npm run bench:overload     (needs a production build: `npm run build`)
//
// BENCH_SECONDS (30) per run: first BENCH_CONNECTIONS (10) connections, the unloaded reference,
// then BENCH_OVERLOAD_CONNECTIONS (1,000) that retry at once (autocannon), then as many clients
// that wait out each 503's Retry-After as the reference client does ("polite"), after a
// BENCH_WARMUP_SECONDS (5) warm-up; then
// BENCH_COOLDOWN_SECONDS (120) idle before the last memory reading. BENCH_PORT (3385).
// BENCH_DATABASE_URL (postgresql://postgres@127.0.0.1:5432/postgres): the server; the bench creates
// its database there and drops it at the end. The instance runs with the defaults
// (DATABASE_POOL_SIZE 10, API_MAX_IN_FLIGHT twice that) unless those are set in the environment.
//
// Seeded through the domain (bench/support/lease-load.ts): one user, a floating license of 2,000
// seats and a machine per connection (+ 10 %); each connection takes a seat and releases it, as in
// bench/lease.ts. A shed take frees its machine at once; a shed release leaves the seat open, and
// the machine's next take extends it (200). Answers are waited for up to 60 s. Admitted: 200, 201,
// 204; shed: 503 OVERLOADED, which must carry Retry-After; a 503 DATABASE_UNAVAILABLE (admitted, but
// no pool connection in time) is counted apart; anything else, a missing Retry-After or a timeout
// is an error and makes the exit code 1. CPU: the instance's process tree, in cores busy; load: the
// machine's load average at the end of the run (the load generator shares the machine).
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openFileLimit, startApp, stopProcessGroup, treeCpuSeconds, treeRssMiB, waitForAnswer } from "./support/app-instance";
import { withBenchDatabase } from "./support/bench-database";
import { percentile } from "./support/statistics";
import {
  politeTakeAndRelease,
  seedFloatingLeases,
  signInLeaseUser,
  takeAndRelease,
  type LoadFigures,
  type ObservedAnswer,
} from "./support/lease-load";

const PORT = Number(process.env.BENCH_PORT ?? 3385);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const COOLDOWN_SECONDS = Number(process.env.BENCH_COOLDOWN_SECONDS ?? 120);
const UNLOADED_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const OVERLOAD_CONNECTIONS = Number(process.env.BENCH_OVERLOAD_CONNECTIONS ?? 1_000);
// What the instance runs with: lib/env.ts's defaults unless the environment says otherwise.
const POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? "10";
const MAX_IN_FLIGHT = process.env.API_MAX_IN_FLIGHT ?? String(2 * Number(POOL_SIZE));
const MACHINES = Math.ceil(OVERLOAD_CONNECTIONS * 1.1);
const SEATS = 2_000;
const TIMEOUT_SECONDS = 60;
/** Sockets besides the load's: the database pool, Next.js's own, files. */
const SPARE_FILES = 200;

/**
 * The answers of one run, sorted by what they mean. `poolTimeouts`: admitted, then 503
 * DATABASE_UNAVAILABLE because no pool connection came free within DATABASE_CONNECT_TIMEOUT_MS —
 * the bounded wait of docs/OPERATIONS.md doing its work, so counted apart rather than as an error.
 */
type Observed = {
  admitted: number[];
  all: number[];
  shed: number;
  shedWithoutRetryAfter: number;
  poolTimeouts: number;
  unexpected: Map<string, number>;
};

function observer(): { observed: Observed; observe: (answer: ObservedAnswer) => void } {
  const observed: Observed = { admitted: [], all: [], shed: 0, shedWithoutRetryAfter: 0, poolTimeouts: 0, unexpected: new Map() };
  const observe = ({ status, latencyMs, headers, body }: ObservedAnswer) => {
    observed.all.push(latencyMs);
    if (status === 200 || status === 201 || status === 204) {
      observed.admitted.push(latencyMs);
      return;
    }
    const code = problemCode(body);
    if (status === 503 && code === "OVERLOADED") {
      observed.shed++;
      if (!Object.keys(headers).some((name) => name.toLowerCase() === "retry-after")) observed.shedWithoutRetryAfter++;
      return;
    }
    if (status === 503 && code === "DATABASE_UNAVAILABLE") {
      observed.poolTimeouts++;
      return;
    }
    const key = `${status} ${code ?? body.slice(0, 80)}`;
    observed.unexpected.set(key, (observed.unexpected.get(key) ?? 0) + 1);
  };
  return { observed, observe };
}

function problemCode(body: string): string | null {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const benchFiles = openFileLimit("self");
  if (benchFiles < OVERLOAD_CONNECTIONS + SPARE_FILES) {
    throw new Error(
      `open files: this shell allows ${benchFiles}, ${OVERLOAD_CONNECTIONS} connections need about ${OVERLOAD_CONNECTIONS + SPARE_FILES}: raise it (ulimit -n ${OVERLOAD_CONNECTIONS * 2}) and run again`,
    );
  }
  let failed = false;
  await withBenchDatabase(serverUrl, "lp_bench_overload", async (databaseUrl) => {
    const seeded = await seedFloatingLeases(databaseUrl, { seats: SEATS, machines: MACHINES });
    console.error(`[overload] seeded: 1 user, a floating license of ${SEATS} seats, ${MACHINES} activated machines`);
    const app = startApp({ port: PORT, databaseUrl, env: { DATABASE_POOL_SIZE: POOL_SIZE, API_MAX_IN_FLIGHT: MAX_IN_FLIGHT } });
    try {
      const url = `http://127.0.0.1:${PORT}`;
      await waitForAnswer(`${url}/api/v1/health`, app);
      // The instance inherits the launcher's limit (its children too): the sockets it accepts count against it.
      const appFiles = openFileLimit(app.child.pid!);
      if (appFiles < OVERLOAD_CONNECTIONS + SPARE_FILES)
        throw new Error(`open files: the instance may open ${appFiles}, fewer than ${OVERLOAD_CONNECTIONS} connections need`);
      const accessToken = await signInLeaseUser(url, "bench/overload");
      const pid = app.child.pid!;
      // Each run with the CPU the instance used meanwhile, in cores (1.0: one core busy all along).
      const run = async (connections: number, seconds: number, observe?: (answer: ObservedAnswer) => void) => {
        const [cpuBefore, startedAt] = [treeCpuSeconds(pid), performance.now()];
        const figures = await takeAndRelease({ url, seeded, accessToken, connections, seconds, timeoutSeconds: TIMEOUT_SECONDS, observe });
        return {
          ...figures,
          cores: (treeCpuSeconds(pid) - cpuBefore) / ((performance.now() - startedAt) / 1_000),
          machineLoad: os.loadavg()[0]!,
        };
      };

      await run(UNLOADED_CONNECTIONS, WARMUP_SECONDS);
      const unloaded = observer();
      const unloadedFigures = await run(UNLOADED_CONNECTIONS, SECONDS, unloaded.observe);
      console.error(
        `[overload] unloaded, ${UNLOADED_CONNECTIONS} connections: ${unloadedFigures.requestsPerSecond.toFixed(0)} requests/s, p99 ${percentile(unloaded.observed.all, 99).toFixed(0)} ms`,
      );
      await sleep(3_000);
      const rssBefore = treeRssMiB(pid);

      const overloaded = observer();
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeRssMiB(pid))), 1_000);
      let overloadedFigures: RunFigures;
      // The same number of clients that wait out each 503's Retry-After, as the reference client does.
      const polite = observer();
      let politeFigures: RunFigures;
      try {
        overloadedFigures = await run(OVERLOAD_CONNECTIONS, SECONDS, overloaded.observe);
        await sleep(3_000);
        const [cpuBefore, startedAt] = [treeCpuSeconds(pid), performance.now()];
        const sent = await politeTakeAndRelease({
          url,
          seeded,
          accessToken,
          clients: OVERLOAD_CONNECTIONS,
          seconds: SECONDS,
          observe: polite.observe,
        });
        const elapsed = (performance.now() - startedAt) / 1_000;
        politeFigures = {
          requestsPerSecond: sent.requests / elapsed,
          p50: NaN,
          p99: NaN,
          requests: sent.requests,
          non2xx: 0,
          errors: sent.errors,
          cores: (treeCpuSeconds(pid) - cpuBefore) / elapsed,
          machineLoad: os.loadavg()[0]!,
        };
      } finally {
        clearInterval(sampler);
      }
      const rssAtEnd = treeRssMiB(pid);
      rssPeak = Math.max(rssPeak, rssAtEnd);
      console.error(
        `[overload] ${OVERLOAD_CONNECTIONS} connections: ${overloadedFigures.requestsPerSecond.toFixed(0)} requests/s; cooling down ${COOLDOWN_SECONDS} s`,
      );
      await sleep(COOLDOWN_SECONDS * 1_000);
      const rssAfter = treeRssMiB(pid);
      const isHealthy = (await fetch(`${url}/api/v1/health`)).status === 200;

      failed = report({
        runs: [
          { name: "unloaded", connections: UNLOADED_CONNECTIONS, figures: unloadedFigures, observed: unloaded.observed },
          { name: "overloaded", connections: OVERLOAD_CONNECTIONS, figures: overloadedFigures, observed: overloaded.observed },
          { name: "polite", connections: OVERLOAD_CONNECTIONS, figures: politeFigures, observed: polite.observed },
        ],
        files: { bench: benchFiles, app: appFiles },
        rss: { before: rssBefore, peak: rssPeak, atEnd: rssAtEnd, after: rssAfter },
        isHealthy,
      });
    } finally {
      await stopProcessGroup(app.child);
    }
  });
  if (failed) process.exitCode = 1;
}

/** cores: the instance's CPU during the run; machineLoad: the machine's 1-minute load average at its end. */
type RunFigures = LoadFigures & { cores: number; machineLoad: number };
type Run = { name: string; connections: number; figures: RunFigures; observed: Observed };

/** Prints the figures; true when anything but the expected answers came back. */
function report(result: {
  runs: Run[];
  files: { bench: number; app: number };
  rss: { before: number; peak: number; atEnd: number; after: number };
  isHealthy: boolean;
}): boolean {
  const [unloaded, overloaded, polite] = result.runs as [Run, Run, Run];
  const unloadedP99 = percentile(unloaded.observed.admitted, 99);
  console.log(`\nload shedding: desktop seat take + release on one instance, ${SECONDS} s per run after a ${WARMUP_SECONDS} s warm-up`);
  console.log(
    `(machine: ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; PostgreSQL ${new URL(serverUrl).host}; DATABASE_POOL_SIZE ${POOL_SIZE}, API_MAX_IN_FLIGHT ${MAX_IN_FLIGHT}; open files: instance ${result.files.app}, bench ${result.files.bench})`,
  );
  console.log(
    `${"".padEnd(11)} ${"conn.".padStart(6)} ${"answers".padStart(8)} ${"req/s".padStart(7)} ${"shed 503".padStart(9)} ${"admitted p50".padStart(13)} ${"p99".padStart(8)} ${"max (all)".padStart(10)} ${"pool 503".padStart(9)} ${"timeouts".padStart(9)} ${"unexpected".padStart(11)} ${"CPU".padStart(6)} ${"load".padStart(5)}`,
  );
  let errors = 0;
  for (const run of result.runs) {
    const { observed } = run;
    const unexpected = [...observed.unexpected.values()].reduce((sum, count) => sum + count, 0);
    errors += unexpected + run.figures.errors + observed.shedWithoutRetryAfter;
    const cells = [
      String(run.connections).padStart(6),
      String(observed.all.length).padStart(8),
      run.figures.requestsPerSecond.toFixed(0).padStart(7),
      `${((100 * observed.shed) / Math.max(1, observed.all.length)).toFixed(1)} %`.padStart(9),
      `${percentile(observed.admitted, 50).toFixed(0)} ms`.padStart(13),
      `${percentile(observed.admitted, 99).toFixed(0)} ms`.padStart(8),
      `${observed.all.reduce((longest, value) => Math.max(longest, value), 0).toFixed(0)} ms`.padStart(10),
      String(observed.poolTimeouts).padStart(9),
      String(run.figures.errors).padStart(9),
      String(unexpected).padStart(11),
      run.figures.cores.toFixed(2).padStart(6),
      run.figures.machineLoad.toFixed(1).padStart(5),
    ];
    console.log(`${run.name.padEnd(11)} ${cells.join(" ")}`);
    for (const [answer, count] of observed.unexpected) console.log(`  ${count} × ${answer}`);
  }
  const shed = overloaded.observed;
  console.log(
    `503 OVERLOADED: ${shed.shed} of ${shed.all.length} answers (${((100 * shed.shed) / Math.max(1, shed.all.length)).toFixed(1)} %), ${shed.shedWithoutRetryAfter === 0 ? "every one with Retry-After" : `${shed.shedWithoutRetryAfter} without Retry-After`}`,
  );
  console.log(
    `503 DATABASE_UNAVAILABLE (admitted, then no pool connection within DATABASE_CONNECT_TIMEOUT_MS): ${shed.poolTimeouts} (${((100 * shed.poolTimeouts) / Math.max(1, shed.all.length)).toFixed(1)} %)`,
  );
  console.log(
    `admitted p99 at ${OVERLOAD_CONNECTIONS} connections / unloaded p99: ${percentile(shed.admitted, 99).toFixed(0)} / ${unloadedP99.toFixed(0)} ms = ×${(percentile(shed.admitted, 99) / unloadedP99).toFixed(2)}; admitted throughput ×${(shed.admitted.length / SECONDS / (unloaded.observed.admitted.length / SECONDS)).toFixed(2)} of unloaded`,
  );
  const kind = polite.observed;
  console.log(
    `${OVERLOAD_CONNECTIONS} clients that wait out Retry-After: ${kind.shed} of ${kind.all.length} answers shed (${((100 * kind.shed) / Math.max(1, kind.all.length)).toFixed(1)} %); admitted p99 / unloaded p99: ${percentile(kind.admitted, 99).toFixed(0)} / ${unloadedP99.toFixed(0)} ms = ×${(percentile(kind.admitted, 99) / unloadedP99).toFixed(2)}; admitted throughput ×${(kind.admitted.length / SECONDS / (unloaded.observed.admitted.length / SECONDS)).toFixed(2)} of unloaded`,
  );
  const { before, peak, atEnd, after } = result.rss;
  console.log(
    `RSS of the instance's process tree: ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB at the peak (×${(peak / before).toFixed(2)}), ${atEnd.toFixed(0)} MiB at the end, ${after.toFixed(0)} MiB ${COOLDOWN_SECONDS} s later (×${(after / before).toFixed(2)} of before)`,
  );
  console.log(`health after the cool-down: ${result.isHealthy ? "200" : "not 200"}`);
  console.log(`verdict: ${errors === 0 && result.isHealthy ? "0 errors" : `${errors} errors`}`);
  return errors > 0 || !result.isHealthy;
}

await main();
