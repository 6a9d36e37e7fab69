// `npm start`'s launcher (lib/runtime/start.ts) as a bench's child process, in a process group of
// its own: started against a given database, ready once it answers, stopped with all its children.
// Memory and CPU time are the whole tree's (launcher, `next start` and any child of it), read from
// /proc, as is the open-file limit the bench's connections count against.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export const BENCH_AUTH_SECRET = "bench-secret-bench-secret-bench-secret-1234";

export type AppProcess = {
  child: ChildProcess;
  /** The last 4,000 characters of its stderr. */ tail: () => string;
  /** Lines it wrote to stderr. */ errorLines: () => number;
};

/** Starts the launcher on `port` over `databaseUrl`; `env` adds to or overrides the bench defaults. */
export function startApp(options: { port: number; databaseUrl: string; env?: Record<string, string> }): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/runtime/start.ts"], {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      SEED_DEMO: "false",
      EMAIL_WORKER: "off",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    // stderr is read, not shown: load generators cutting connections at the end of a run make
    // Next.js log each aborted request. The tail is shown when the app does not come up.
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let tail = "";
  let errorLines = 0;
  child.stderr!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4_000);
    errorLines += text.split("\n").length - 1;
  });
  return { child, tail: () => tail, errorLines: () => errorLines };
}

/** Polls `url` until `accept(status)`; fails at once, with the stderr tail, if the process exits. */
export async function waitForAnswer(
  url: string,
  app: Pick<AppProcess, "child"> & Partial<Pick<AppProcess, "tail">>,
  accept: (status: number) => boolean = (status) => status === 200,
): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`${url}: the process exited with ${app.child.exitCode}\n${app.tail?.() ?? ""}`);
    try {
      if (accept((await fetch(url)).status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within 5 minutes`);
}

/** SIGTERM to the process group (SIGKILL after 15 s), so no child outlives the bench. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** A process and all its descendants, read from /proc/<pid>/stat (pid, ppid and the rest of each line). */
function processTree(rootPid: number): Map<number, string[]> {
  const stats = new Map<number, string[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so split after the last ")".
    if (stat) stats.set(Number(entry), stat.slice(stat.lastIndexOf(")") + 2).split(" "));
  }
  const tree = new Map<number, string[]>();
  if (stats.has(rootPid)) tree.set(rootPid, stats.get(rootPid)!);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, fields] of stats) {
      if (tree.has(Number(fields[1])) && !tree.has(pid)) {
        tree.set(pid, fields);
        grew = true;
      }
    }
  }
  return tree;
}

/** VmRSS of a process and all its descendants, in MiB (a process that ended meanwhile counts 0). */
export function treeRssMiB(rootPid: number): number {
  let kib = 0;
  for (const pid of processTree(rootPid).keys()) kib += Number(/^VmRSS:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/status`) ?? "")?.[1] ?? 0);
  return kib / 1024;
}

/** CPU time (user + system) a process and its live descendants have used, in seconds (Linux's 100 ticks a second). */
export function treeCpuSeconds(rootPid: number): number {
  let ticks = 0;
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
  for (const fields of processTree(rootPid).values()) ticks += Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

/** The soft "Max open files" limit of a process (`self` for the bench itself). */
export function openFileLimit(pid: number | "self"): number {
  const limit = /^Max open files\s+(\S+)/m.exec(readProc(`/proc/${pid}/limits`) ?? "")?.[1];
  return limit === "unlimited" ? Infinity : Number(limit);
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
