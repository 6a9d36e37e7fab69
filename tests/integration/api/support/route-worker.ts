// One "app instance" for the seat-safety tests: a separate Node process with its own connection
// pool (DATABASE_URL, DATABASE_POOL_SIZE) calling the /api/v1 route handlers, as `next start`
// would. Run with `node --import tsx` and TSX_TSCONFIG_PATH=tsconfig.scripts.json.
// Protocol on stdin/stdout, one JSON line each: the job → "ready" (warmed up) → "go" → the answers.
import { createInterface } from "node:readline";
import { useApiClock } from "@/lib/api/api-clock";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { POST as activate } from "@/app/api/v1/activations/route";
import { POST as heartbeat } from "@/app/api/v1/leases/[id]/heartbeat/route";
import { DELETE as releaseLease } from "@/app/api/v1/leases/[id]/route";
import { POST as takeLease } from "@/app/api/v1/leases/route";
import { GET as signingKeys } from "@/app/api/v1/signing-keys/route";

export type WorkerCall = { route: keyof typeof routes; token: string; json?: unknown; params?: Record<string, string> };
export type WorkerJob = { at: string; calls: WorkerCall[] };
export type WorkerAnswer = { status: number; body: unknown };

const routes = {
  activate: { handler: activate, method: "POST" },
  takeLease: { handler: takeLease, method: "POST" },
  heartbeat: { handler: heartbeat, method: "POST" },
  releaseLease: { handler: releaseLease, method: "DELETE" },
} as const;

async function run(call: WorkerCall): Promise<WorkerAnswer> {
  const { handler, method } = routes[call.route];
  const headers = new Headers({ Authorization: `Bearer ${call.token}` });
  if (call.json !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request("http://localhost/api/v1/worker", {
    method,
    headers,
    body: call.json === undefined ? undefined : JSON.stringify(call.json),
  });
  const response = await (handler as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>)(
    request,
    { params: Promise.resolve(call.params ?? {}) },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const job = JSON.parse((await lines.next()).value as string) as WorkerJob;
useApiClock(fixedClock(job.at));
// Warm up: open pool connections and load the signing keys before the race starts.
await Promise.all([
  signingKeys(new Request("http://localhost/"), { params: Promise.resolve({}) }),
  ...Array.from({ length: 5 }, () => db().$queryRaw`SELECT 1`),
]);
process.stdout.write("ready\n");
await lines.next();
const answers = await Promise.all(job.calls.map((call) => run(call).catch((error: unknown) => ({ status: 0, body: String(error) }))));
process.stdout.write(`${JSON.stringify(answers)}\n`);
await db().$disconnect();
process.exit(0);
