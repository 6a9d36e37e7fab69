// Starts two route-worker processes (two app instances, two pools) on a test database, lets both
// warm up, then releases their calls at the same moment and collects the answers.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { WorkerAnswer, WorkerJob } from "./route-worker";

const root = path.resolve(import.meta.dirname, "../../../..");
const WORKER = path.join(import.meta.dirname, "route-worker.ts");

type Worker = { child: ChildProcessWithoutNullStreams; nextLine: () => Promise<string>; stderr: () => string };

function startWorker(databaseUrl: string, poolSize: number): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    cwd: root,
    // The races need every request to reach the seat statement: no load shedding (docs/OPERATIONS.md,
    // tested on its own in load-shedding.test.ts).
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(poolSize),
      API_MAX_IN_FLIGHT: "10000",
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      NODE_ENV: "test",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<never>((_, reject) =>
    child.on("exit", (code) => reject(new Error(`route worker exited with ${code}: ${stderr.slice(-2000)}`))),
  );
  // Observed only while a line is awaited; a normal exit afterwards is no error.
  exited.catch(() => undefined);
  return {
    child,
    stderr: () => stderr,
    nextLine: async () => {
      const next = await Promise.race([lines.next(), exited]);
      if (next.done) throw new Error(`route worker closed its output: ${stderr.slice(-2000)}`);
      return next.value as string;
    },
  };
}

export async function runOnTwoInstances(options: {
  databaseUrl: string;
  jobs: [WorkerJob, WorkerJob];
  poolSize?: number;
}): Promise<[WorkerAnswer[], WorkerAnswer[]]> {
  const workers = options.jobs.map(() => startWorker(options.databaseUrl, options.poolSize ?? 10));
  try {
    workers.forEach((worker, index) => worker.child.stdin.write(`${JSON.stringify(options.jobs[index])}\n`));
    for (const worker of workers) expectLine(await worker.nextLine(), "ready");
    for (const worker of workers) worker.child.stdin.write("go\n");
    const answers = await Promise.all(workers.map(async (worker) => JSON.parse(await worker.nextLine()) as WorkerAnswer[]));
    // An unexpected error is logged by the route and answered 500 without details: show the log.
    if (answers.flat().some((answer) => answer.status >= 500 || answer.status === 0)) {
      console.error(workers.map((worker) => worker.stderr().slice(-4000)).join("\n---\n"));
    }
    return [answers[0]!, answers[1]!];
  } finally {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill();
  }
}

function expectLine(line: string, expected: string): void {
  if (line !== expected) throw new Error(`route worker said "${line.slice(0, 200)}" instead of "${expected}"`);
}
