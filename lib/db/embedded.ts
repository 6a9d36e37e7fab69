// The embedded database (docs/decisions/001-embedded-pglite.md): PGlite keeps PostgreSQL's data
// under DATA_DIR and pglite-socket serves it over the PostgreSQL wire protocol on 127.0.0.1, so the
// app talks to it exactly as it talks to a PostgreSQL server — one database path.
import { constants } from "node:fs";
import { access, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepProtocolBatchesTogether } from "@/lib/db/pglite-socket-batches";

export class EmbeddedDatabaseError extends Error {}

export type EmbeddedDatabase = {
  /** postgresql:// URL of the protocol server. */
  url: string;
  port: number;
  pglite: PGlite;
  /** true when the data directory was created by this start. */
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
 * PGlite has one process per data directory. A lock file with our PID keeps a second `npm start`
 * from opening the same files (which would corrupt them); a stale lock from a crash is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, "embedded.lock");
  const holder = await readFile(lockFile, "utf8").catch(() => null);
  const holderPid = holder === null ? NaN : Number.parseInt(holder, 10);
  if (Number.isInteger(holderPid) && holderPid !== process.pid && isProcessAlive(holderPid)) {
    throw new EmbeddedDatabaseError(
      `The data directory ${dataDir} is in use by another process (PID ${holderPid}). ` +
        `Stop that process, or set DATA_DIR to another directory.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return async () => {
    await rm(lockFile, { force: true });
  };
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
