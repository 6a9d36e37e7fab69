// The embedded database's lock names the process holding it. A lock whose PID is
// gone, or now belongs to another program (the PID was reused after a crash), is stale and taken
// over; only a live holder that is the same process is refused, and the refusal names it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { EmbeddedDatabaseError, lockDataDir } from "@/lib/db/embedded";

let dataDir: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "lp-lock-"));
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

const lockFile = () => path.join(dataDir, "embedded.lock");

/** A live process other than this one: `sleep` (not Node.js) or a Node.js process. */
async function liveProcess(kind: "sleep" | "node"): Promise<number> {
  const child = kind === "sleep" ? spawn("sleep", ["60"]) : spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);
  children.push(child);
  await new Promise((resolve) => child.once("spawn", resolve));
  return child.pid!;
}

async function startTimeOf(pid: number): Promise<string> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
}

async function expectTakenOver(): Promise<void> {
  const release = await lockDataDir(dataDir);
  const lock = JSON.parse(await readFile(lockFile(), "utf8")) as { pid: number; startTime: string };
  expect(lock).toEqual({ pid: process.pid, startTime: await startTimeOf(process.pid) });
  await release();
  await expect(readFile(lockFile(), "utf8")).rejects.toMatchObject({ code: "ENOENT" });
}

describe("lockDataDir", () => {
  test("a lock of a process that is gone is taken over", async () => {
    const pid = await liveProcess("sleep");
    children[0]!.kill("SIGKILL");
    await new Promise((resolve) => children[0]!.once("exit", resolve));
    await writeFile(lockFile(), JSON.stringify({ pid, startTime: "1" }));
    await expectTakenOver();
  });

  test("a lock whose PID now belongs to another program is taken over (an old bare-PID lock and a PID with another start time)", async () => {
    await writeFile(lockFile(), String(await liveProcess("sleep")));
    await expectTakenOver();

    const node = await liveProcess("node");
    await writeFile(lockFile(), JSON.stringify({ pid: node, startTime: String(Number(await startTimeOf(node)) - 1) }));
    await expectTakenOver();
  });

  test("a live holder is refused, named with its PID and command", async () => {
    const node = await liveProcess("node");
    await writeFile(lockFile(), JSON.stringify({ pid: node, startTime: await startTimeOf(node) }));
    const refusal = lockDataDir(dataDir);
    await expect(refusal).rejects.toBeInstanceOf(EmbeddedDatabaseError);
    await expect(refusal).rejects.toThrow(new RegExp(`in use by another process \\(PID ${node}: \\S*node -e setTimeout`));
    // A bare-PID lock of a live Node.js process is honoured too: it may be an older `npm start`.
    await writeFile(lockFile(), String(node));
    await expect(lockDataDir(dataDir)).rejects.toThrow(`PID ${node}`);
    expect(await readFile(lockFile(), "utf8")).toBe(String(node));
  });
});
