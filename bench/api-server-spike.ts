// Which HTTP framework serves /api/v1 off Next.js's pipeline (decision 023). The app's own lease
// route handlers (app/api/v1/leases/…/route.ts, Web Request → Response) are mounted on Hono
// (@hono/node-server), its own process with a pool of 10, and measured with take + release
// (bench/support/lease-load.ts) in one run beside `next start` serving the same handlers and the
// node:http + pg reference of bench/lease.ts. Fastify ran beside them in f2749f0 (decision 023).
//
//   npm run build && npx tsx --tsconfig tsconfig.scripts.json bench/api-server-spike.ts
//
// BENCH_DATABASE_URL, BENCH_CONNECTIONS (10), BENCH_SECONDS (10), BENCH_ROUNDS (3),
// BENCH_PORT (3290: next; +1 reference, +2 hono).
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { startApp, stopProcessGroup, waitForAnswer, BENCH_AUTH_SECRET } from "./support/app-instance";
import { withBenchDatabase } from "./support/bench-database";
import { seedFloatingLeases, signInLeaseUser, takeAndRelease, type LoadFigures } from "./support/lease-load";

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const targets = { next: PORT, reference: PORT + 1, hono: PORT + 2 } as const;
type Target = keyof typeof targets;

type Handlers = Awaited<ReturnType<typeof loadHandlers>>;

async function loadHandlers() {
  const { POST: take } = await import("@/app/api/v1/leases/route");
  const { DELETE: release } = await import("@/app/api/v1/leases/[id]/route");
  return {
    take: (request: Request) => take(request, { params: Promise.resolve({}) }),
    release: (request: Request, id: string) => release(request, { params: Promise.resolve({ id }) }),
  };
}

async function serveHono(port: number, handlers: Handlers): Promise<void> {
  const { Hono } = await import("hono");
  const { serve } = await import("@hono/node-server");
  const app = new Hono()
    .get("/health", (c) => c.text("ok"))
    .post("/api/v1/leases", (c) => handlers.take(c.req.raw))
    .delete("/api/v1/leases/:id", (c) => handlers.release(c.req.raw, c.req.param("id")));
  serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => console.log("ready"));
}

function startServer(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.resolve("bench/api-server-spike.ts"), "--serve"], {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: "10",
      AUTH_SECRET: BENCH_AUTH_SECRET,
      // The issuer of the tokens the app signs, so these servers accept them.
      APP_BASE_URL: `http://localhost:${targets.next}`,
      EMAIL_WORKER: "off",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

function startReference(databaseUrl: string, userId: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.resolve("bench/lease.ts"), "--reference-server"], {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      BENCH_PORT: String(PORT),
      REFERENCE_DATABASE_URL: databaseUrl,
      REFERENCE_USER_ID: userId,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function main(): Promise<void> {
  await withBenchDatabase(serverUrl, "lp_bench_spike", async (databaseUrl) => {
    const seeded = await seedFloatingLeases(databaseUrl, { seats: 1_000, machines: 200 });
    const app = startApp({ port: targets.next, databaseUrl, env: { DATABASE_POOL_SIZE: "10" } });
    const children = [startReference(databaseUrl, seeded.userId), startServer(databaseUrl)];
    try {
      await waitForAnswer(`http://127.0.0.1:${targets.next}/api/v1/health`, app);
      for (const [index, name] of (["reference", "hono"] as const).entries()) {
        await waitForAnswer(`http://127.0.0.1:${targets[name]}/health`, { child: children[index]! });
      }
      const accessToken = await signInLeaseUser(`http://127.0.0.1:${targets.next}`, "bench/api-server-spike");
      const names = Object.keys(targets) as Target[];
      for (const name of names) await assertServes(name, seeded, accessToken);
      const runs = Object.fromEntries(names.map((name) => [name, [] as LoadFigures[]])) as Record<Target, LoadFigures[]>;
      for (let round = -1; round < ROUNDS; round++) {
        // Each round starts with another target, so a drift in the machine's load hits all alike.
        const order = names.map((_, index) => names[(index + Math.max(round, 0)) % names.length]!);
        for (const name of order) {
          const url = `http://127.0.0.1:${targets[name]}`;
          const figures = await takeAndRelease({ url, seeded, accessToken, connections: CONNECTIONS, seconds: round < 0 ? 5 : SECONDS });
          if (round >= 0) runs[name].push(figures);
          console.error(
            `[spike] ${round < 0 ? "warm-up" : `round ${round + 1}`} ${name}: ${figures.requestsPerSecond.toFixed(0)}/s p99 ${figures.p99} ms`,
          );
          await new Promise((resolve) => setTimeout(resolve, 2_000));
        }
      }
      report(runs);
    } finally {
      await Promise.all([stopProcessGroup(app.child), ...children.map(stopProcessGroup)]);
    }
  });
}

/** One take and its release through `name`, so a server that answers wrongly stops the run before it is measured. */
async function assertServes(name: Target, seeded: { licenseId: string; fingerprints: string[] }, accessToken: string): Promise<void> {
  const base = `http://127.0.0.1:${targets[name]}/api/v1/leases`;
  const headers = { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" };
  const body = JSON.stringify({ licenseId: seeded.licenseId, fingerprint: seeded.fingerprints[0] });
  const taken = await fetch(base, { method: "POST", headers, body });
  const text = await taken.text();
  if (taken.status !== 201) throw new Error(`${name}: take answered ${taken.status} ${text}`);
  const released = await fetch(`${base}/${(JSON.parse(text) as { id: string }).id}`, { method: "DELETE", headers });
  if (released.status !== 204) throw new Error(`${name}: release answered ${released.status} ${await released.text()}`);
}

function report(runs: Record<Target, LoadFigures[]>): void {
  const median = (values: number[]) => values.toSorted((left, right) => left - right)[Math.floor((values.length - 1) / 2)]!;
  console.log(`\ntake + release, ${CONNECTIONS} connections, median of ${ROUNDS} runs of ${SECONDS} s`);
  console.log(`(machine: ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})`);
  const reference = runs.reference;
  for (const [name, figures] of Object.entries(runs)) {
    const perRound = figures.map((run, round) => run.requestsPerSecond / reference[round]!.requestsPerSecond);
    const p99Ratio = median(figures.map((run, round) => run.p99 / reference[round]!.p99));
    const failures = figures.reduce((total, run) => total + run.non2xx + run.errors, 0);
    console.log(
      `${name.padEnd(10)} ${median(figures.map((run) => run.requestsPerSecond))
        .toFixed(0)
        .padStart(
          6,
        )}/s  p99 ${String(median(figures.map((run) => run.p99))).padStart(4)} ms  ×${median(perRound).toFixed(2)} of reference (p99 ×${p99Ratio.toFixed(2)})  non-2xx+errors ${failures}`,
    );
  }
}

if (process.argv.includes("--serve")) await serveHono(targets.hono, await loadHandlers());
else await main();
