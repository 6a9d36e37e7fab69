// Floating desktop seats under load (R5, R25, decision 013): take + release of a lease over HTTP,
// against the production build and, in the same run, against a minimal node:http + pg program
// doing the same transaction, as the reference.
//
//   npm run bench:lease     (needs a production build: `npm run build`)
//
// BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres): the PostgreSQL
// server; the bench creates a database of its own there and drops it at the end.
// BENCH_CONNECTIONS (10), BENCH_SECONDS (10) per run, BENCH_ROUNDS (3) runs of each, alternating,
// after a BENCH_WARMUP_SECONDS (5) warm-up; BENCH_PORT (3290; the reference on BENCH_PORT + 1).
//
// Seeded through the domain (lib/): a company with one user, a PROFIS Detection Office floating
// license with 1,000 seats assigned to them, and 200 activated machines. Every autocannon
// connection plays one machine at a time: POST /api/v1/leases {licenseId, fingerprint} (a new
// seat: 201), then DELETE /api/v1/leases/{id} (204), and again with a free machine.
//   app        `npm start`'s launcher → `next start`, one instance, pool of 10; the API signs in
//              once (POST /api/v1/sessions) and every request carries the access token.
//   reference  this file with --reference-server: node:http + a pg pool of 10 running the app's own
//              SQL (lib/leases/lease-statements.ts) through pg: per take the one seat statement
//              (take_floating_seat: session check, license lock, checks, count, lease, audit event),
//              per release the one release statement (session check, release, audit event). It
//              reads the session from the same bearer token, but verifies no signature, checks no
//              JSON schema and signs no receipt: what the app adds on top is the measure.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { isLicenseValidAt } from "@/lib/licenses/license-validity";
import { releaseLeaseStatement, takeFloatingSeat, type SessionToCheck, type TakenSeatRow } from "@/lib/leases/lease-statements";
import { startApp, stopProcessGroup, waitForAnswer } from "./support/app-instance";
import { withBenchDatabase } from "./support/bench-database";
import { seedFloatingLeases, signInLeaseUser, takeAndRelease, type LoadFigures } from "./support/lease-load";

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const REFERENCE_PORT = PORT + 1;
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MACHINES = 200;
const SEATS = 1_000;
const POOL_SIZE = 10;

// ---------------------------------------------------------------- the reference program

type Answer = { status: number; body?: unknown };

async function runReferenceServer(): Promise<void> {
  const [databaseUrl, userId] = [process.env.REFERENCE_DATABASE_URL!, process.env.REFERENCE_USER_ID!];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  // The app's own statements (lib/leases/lease-statements.ts), run through pg: one each.
  const take = async (licenseId: string, fingerprint: string, session: SessionToCheck): Promise<Answer> => {
    const now = new Date();
    const statement = takeFloatingSeat({ licenseId, userId, deviceId: null, fingerprint, browserSessionId: null, session, now });
    const {
      rows: [row],
    } = await pool.query<TakenSeatRow>(statement.text, statement.values);
    if (row && !row.isSessionLive) return { status: 401 };
    if (!row?.isMember) return { status: 404 };
    if (!row.isAssigned || !row.isActivated || row.type !== "FLOATING" || !isLicenseValidAt(row, now)) return { status: 403 };
    if (row.isNew === null) return { status: 409 };
    return { status: row.isNew ? 201 : 200, body: { id: row.leaseId, licenseId, expiresAt: row.expiresAt } };
  };
  // One statement, as the app's release: no interactive transaction.
  const release = async (leaseId: string, session: SessionToCheck): Promise<Answer> => {
    const statement = releaseLeaseStatement({ leaseId, userId, reason: "released", session, now: new Date() });
    const {
      rows: [row],
    } = await pool.query<{ isSessionLive: boolean; id: string | null }>(statement.text, statement.values);
    return { status: !row?.isSessionLive ? 401 : row.id ? 204 : 404 };
  };
  // The token's claims, read but not verified (the app's verification is part of what it adds).
  const sessionOf = (authorization: string | undefined): SessionToCheck => {
    const claims = JSON.parse(Buffer.from(authorization?.split(".")[1] ?? "", "base64url").toString() || "{}") as {
      sid?: string;
      ver?: number;
    };
    return claims.sid && claims.ver !== undefined ? { sessionId: claims.sid, sessionVersion: claims.ver } : null;
  };

  const server = createServer((request, response) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", () => {
      const leasePath = /^\/api\/v1\/leases\/([0-9a-f-]{36})$/.exec(request.url ?? "");
      const answer = Promise.resolve().then((): Promise<Answer> | Answer => {
        if (request.url === "/health") return { status: 200 };
        const session = sessionOf(request.headers.authorization);
        if (!session) return { status: 401 };
        if (request.method === "DELETE" && leasePath) return release(leasePath[1]!, session);
        if (request.method !== "POST" || request.url !== "/api/v1/leases") return { status: 404 };
        const body = JSON.parse(text) as { licenseId: string; fingerprint: string };
        return take(body.licenseId, body.fingerprint, session);
      });
      answer.then(
        (result) => {
          response
            .writeHead(result.status, { "Content-Type": "application/json" })
            .end(result.body === undefined ? undefined : JSON.stringify(result.body));
        },
        (error: unknown) => {
          console.error(error);
          response.writeHead(500).end();
        },
      );
    });
  });
  server.listen(REFERENCE_PORT, "127.0.0.1", () => console.log("ready"));
}

// ---------------------------------------------------------------- processes

function startReference(databaseUrl: string, userId: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.resolve("bench/lease.ts"), "--reference-server"], {
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", REFERENCE_DATABASE_URL: databaseUrl, REFERENCE_USER_ID: userId },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  await withBenchDatabase(serverUrl, "lp_bench_lease", async (databaseUrl) => {
    const seeded = await seedFloatingLeases(databaseUrl, { seats: SEATS, machines: MACHINES });
    console.error(`[bench] seeded: 1 user, a floating license of ${SEATS} seats, ${MACHINES} activated machines`);
    const app = startApp({ port: PORT, databaseUrl, env: { DATABASE_POOL_SIZE: String(POOL_SIZE) } });
    const reference = startReference(databaseUrl, seeded.userId);
    try {
      await waitForAnswer(`http://127.0.0.1:${PORT}/api/v1/health`, app);
      await waitForAnswer(`http://127.0.0.1:${REFERENCE_PORT}/health`, { child: reference });
      const accessToken = await signInLeaseUser(`http://127.0.0.1:${PORT}`, "bench/lease");
      const load = (url: string) => (seconds: number) => takeAndRelease({ url, seeded, accessToken, connections: CONNECTIONS, seconds });
      const targets = { app: load(`http://127.0.0.1:${PORT}`), reference: load(`http://127.0.0.1:${REFERENCE_PORT}`) };
      const runs: Record<keyof typeof targets, LoadFigures[]> = { app: [], reference: [] };
      // Both servers stay up; rounds alternate which goes first, so a change in the machine's
      // load hits both alike. A pause lets the requests still in flight finish before the next run.
      for (let round = -1; round < ROUNDS; round++) {
        const order: (keyof typeof targets)[] = round % 2 === 0 ? ["app", "reference"] : ["reference", "app"];
        for (const name of order) {
          const figures = await targets[name](round < 0 ? WARMUP_SECONDS : SECONDS);
          if (round >= 0) runs[name].push(figures);
          console.error(
            `[bench] ${round < 0 ? "warm-up" : `round ${round + 1}`} ${name}: ${figures.requestsPerSecond.toFixed(0)} requests/s, p99 ${figures.p99} ms`,
          );
          await new Promise((resolve) => setTimeout(resolve, 3_000));
        }
      }
      report(runs);
    } finally {
      await Promise.all([stopProcessGroup(app.child), stopProcessGroup(reference)]);
    }
  });
}

function report(runs: Record<"app" | "reference", LoadFigures[]>): void {
  const results = { app: medianFigures(runs.app), reference: medianFigures(runs.reference) };
  console.log(
    `\nfloating desktop lease, take + release over HTTP: ${CONNECTIONS} connections, median of ${ROUNDS} runs of ${SECONDS} s after a warm-up`,
  );
  console.log(
    `(machine: ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; PostgreSQL ${new URL(serverUrl).host}; pools of ${POOL_SIZE})`,
  );
  console.log(
    `${"".padEnd(11)} ${"requests/s".padStart(11)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"requests".padStart(9)} ${"non-2xx".padStart(8)} ${"errors".padStart(7)}`,
  );
  for (const [name, figures] of Object.entries(results)) {
    const cells = [figures.requestsPerSecond.toFixed(0).padStart(11), `${figures.p50} ms`.padStart(8), `${figures.p99} ms`.padStart(8)];
    console.log(
      `${name.padEnd(11)} ${cells.join(" ")} ${String(figures.requests).padStart(9)} ${String(figures.non2xx).padStart(8)} ${String(figures.errors).padStart(7)}`,
    );
  }
  const ratio = results.app.requestsPerSecond / results.reference.requestsPerSecond;
  console.log(
    `app / reference: throughput ×${ratio.toFixed(2)} (aim: at least ×0.50), p99 ×${(results.app.p99 / results.reference.p99).toFixed(2)}`,
  );
  // Each round's two runs follow each other, so their ratio sees the same machine: the median of
  // those is steadier than the ratio of medians when the machine's load drifts.
  const roundRatios = runs.app.map((app, round) => app.requestsPerSecond / runs.reference[round]!.requestsPerSecond);
  console.log(`per round: ${roundRatios.map((value) => `×${value.toFixed(2)}`).join(" ")}; median ×${median(roundRatios).toFixed(2)}`);
}

function median(values: number[]): number {
  return values.toSorted((left, right) => left - right)[Math.floor((values.length - 1) / 2)]!;
}

/** Per figure, the median over the runs (requests, non-2xx and errors: summed). */
function medianFigures(runs: LoadFigures[]): LoadFigures {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    requests: sum(runs.map((run) => run.requests)),
    non2xx: sum(runs.map((run) => run.non2xx)),
    errors: sum(runs.map((run) => run.errors)),
  };
}

if (process.argv.includes("--reference-server")) await runReferenceServer();
else await main();
