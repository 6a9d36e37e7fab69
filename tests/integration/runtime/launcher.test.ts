// `npm start` must fail with a message a newcomer can act on, and exit non-zero, when its
// database or port is not usable. These run the real launcher as a child process.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "lp-launcher-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function runLauncher(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/runtime/start.ts"], {
      env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", DATABASE_URL: "", SEED_DEMO: "false", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function occupyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("an unreachable DATABASE_URL names the host and exits non-zero", async () => {
  const result = await runLauncher({ DATABASE_URL: "postgresql://postgres@127.0.0.1:9/portal", AUTH_SECRET: "x".repeat(40), PORT: "3197" });
  expect(result.code).not.toBe(0);
  expect(result.output).toContain("Cannot reach PostgreSQL at 127.0.0.1:9/portal");
});

test("a port in use is named, with what to change", async () => {
  const occupied = await occupyPort();
  try {
    const result = await runLauncher({ PORT: String(occupied.port), DATA_DIR: path.join(scratch, "port") });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`Port ${occupied.port}`);
    expect(result.output).toContain("already in use");
    expect(result.output).toContain("set PORT");
  } finally {
    await occupied.close();
  }
});

test("a data directory held by another running process is refused", async () => {
  const dataDir = path.join(scratch, "locked");
  await mkdir(dataDir, { recursive: true });
  // This test process is alive: its PID in the lock file stands for another `npm start`.
  await writeFile(path.join(dataDir, "embedded.lock"), String(process.pid));
  const result = await runLauncher({ PORT: "3198", DATA_DIR: dataDir });
  expect(result.code).not.toBe(0);
  expect(result.output).toContain(`in use by another process (PID ${process.pid}: `);
});

test("a data directory that cannot be created is named", async () => {
  const notADirectory = path.join(scratch, "a-file");
  await writeFile(notADirectory, "not a directory");
  const result = await runLauncher({ PORT: "3199", DATA_DIR: path.join(notADirectory, "data") });
  expect(result.code).not.toBe(0);
  expect(result.output).toContain("cannot be read and written");
  expect(result.output).toContain(path.join(notADirectory, "data"));
});

test("invalid configuration names the variable", async () => {
  const result = await runLauncher({ PORT: "not-a-port" });
  expect(result.code).not.toBe(0);
  expect(result.output).toContain("PORT");
  expect(result.output).toContain("Invalid configuration");
});

test("SEED_DEMO with a server database is refused by `npm start` (production) before anything starts, naming the variable", async () => {
  // The database is unreachable on purpose: the refusal must come first, before the database is even asked.
  const server = { DATABASE_URL: "postgresql://postgres@127.0.0.1:9/portal", AUTH_SECRET: "x".repeat(40), PORT: "3196" };
  const refused = await runLauncher({ ...server, SEED_DEMO: "true" });
  expect(refused.code).not.toBe(0);
  expect(refused.output).toContain("SEED_DEMO");
  expect(refused.output).toContain("SEED_DEMO=force");
  expect(refused.output).not.toContain("Cannot reach PostgreSQL");
  // Forced, it goes on (and here stops at the unreachable database).
  const forced = await runLauncher({ ...server, SEED_DEMO: "force" });
  expect(forced.output).toContain("Cannot reach PostgreSQL");
});
