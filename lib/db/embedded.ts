// The embedded database (decision 001): PGlite under DATA_DIR, served over the PostgreSQL protocol on 127.0.0.1.
import { constants } from "node:fs";
import { access, mkdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepProtocolBatchesTogether } from "@/lib/db/pglite-socket-batches";

export class EmbeddedDatabaseError extends Error {}

export type EmbeddedDatabase = {
  url: string;
  port: number;
  pglite: PGlite;
  /** The data directory was created by this start. */
  isNew: boolean;
  stop: () => Promise<void>;
};

export async function startEmbeddedDatabase(options: {
  /** Directory holding the cluster; null keeps it in memory (tests). */
  dataDir: string | null;
  port?: number;
  maxConnections?: number;
  /** Start from a dump made with PGlite's dumpDataDir() (tests clone a migrated database). */
  loadDataDir?: Blob;
}): Promise<EmbeddedDatabase> {
  const clusterDir = options.dataDir === null ? null : path.join(options.dataDir, "pgdata");
  let isNew = true;
  let releaseLock = async () => {};
  if (options.dataDir !== null && clusterDir !== null) {
    await prepareDataDir(options.dataDir);
    releaseLock = await lockDataDir(options.dataDir);
    isNew = !(await exists(path.join(clusterDir, "PG_VERSION")));
  }

  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: clusterDir ?? undefined, loadDataDir: options.loadDataDir });
  } catch (error) {
    await releaseLock();
    throw new EmbeddedDatabaseError(
      `Could not open the embedded database in ${clusterDir ?? "memory"}: ${describe(error)}. ` +
        `If the directory is damaged, move it away to start with a fresh demo database.`,
    );
  }

  const port = options.port ?? 0;
  if (port !== 0) await assertPortFree(port);
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port,
    maxConnections: options.maxConnections ?? 64,
  });
  keepProtocolBatchesTogether(server);
  try {
    await server.start();
  } catch (error) {
    await pglite.close();
    await releaseLock();
    throw new EmbeddedDatabaseError(`Could not serve the embedded database on 127.0.0.1:${port}: ${describe(error)}`);
  }
  const actualPort = Number(server.getServerConn().split(":").pop());

  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
    port: actualPort,
    pglite,
    isNew,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // close() checkpoints and flushes PGlite's files: a clean shutdown keeps the data.
      await pglite.close();
      await releaseLock();
    },
  };
}

export async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The data directory ${dataDir} cannot be read and written (${describe(error)}). ` +
        `Fix its permissions or point DATA_DIR elsewhere.`,
    );
  }
}

/**
 * One process per data directory: the lock names its holder's PID and start time (/proc), so a reused PID
 * is not taken for a live holder and a stale lock is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, "embedded.lock");
  const holder = parseLock(await readFile(lockFile, "utf8").catch(() => null));
  if (holder && holder.pid !== process.pid && (await isHeldBy(holder))) {
    const command = await processCommand(holder.pid);
    throw new EmbeddedDatabaseError(
      `The data directory ${dataDir} is in use by another process (PID ${holder.pid}${command ? `: ${command}` : ""}). ` +
        `Stop that process, or set DATA_DIR to another directory.`,
    );
  }
  const own: DataDirLock = { pid: process.pid, startTime: await processStartTime(process.pid) };
  await writeFile(lockFile, JSON.stringify(own));
  return async () => {
    await rm(lockFile, { force: true });
  };
}

/** startTime: clock ticks after boot (/proc/<pid>/stat field 22); null where /proc is not available. */
type DataDirLock = { pid: number; startTime: string | null };

/** The lock's holder: JSON, or a bare PID (locks written before start times were kept). */
function parseLock(text: string | null): (DataDirLock & { isLegacy: boolean }) | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<DataDirLock>;
    if (typeof parsed === "object" && parsed !== null && Number.isInteger(parsed.pid)) {
      return { pid: parsed.pid!, startTime: typeof parsed.startTime === "string" ? parsed.startTime : null, isLegacy: false };
    }
  } catch {}
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, startTime: null, isLegacy: true } : null;
}

async function isHeldBy(holder: DataDirLock & { isLegacy: boolean }): Promise<boolean> {
  if (!isProcessAlive(holder.pid)) return false;
  const startTime = await processStartTime(holder.pid);
  // Without /proc there is nothing better than "a process with that PID is alive".
  if (startTime === null) return true;
  if (holder.startTime !== null) return holder.startTime === startTime;
  // A legacy lock: held only if the process with that PID is Node.js at all.
  return /(^|\/)node(js)?$/.test((await processExecutable(holder.pid)) ?? "");
}

async function processStartTime(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat === null) return null;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses; fields resume after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? null;
}

async function commandLine(pid: number): Promise<string[] | null> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => null);
  return cmdline === null ? null : cmdline.split("\0").filter(Boolean);
}

/** The program the process runs (its binary; else the first word of its command line). */
async function processExecutable(pid: number): Promise<string | null> {
  const binary = await readlink(`/proc/${pid}/exe`).catch(() => null);
  if (binary) return binary.replace(/ \(deleted\)$/, "");
  return (await commandLine(pid))?.[0] ?? null;
}

/** For the operator, who decides what to stop. */
async function processCommand(pid: number): Promise<string | null> {
  const command = (await commandLine(pid))?.join(" ").trim();
  return command ? (command.length > 200 ? `${command.slice(0, 200)}…` : command) : null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function assertPortFree(
  port: number,
  host = "127.0.0.1",
  hint = "set EMBEDDED_DB_PORT to another port, or 0 to pick a free one",
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new EmbeddedDatabaseError(`Port ${port} on ${host} is already in use: stop what uses it, or ${hint}.`)
          : error,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
