// The command line itself (clients/desktop/cli.ts) as a child process: usage and exit codes,
// the state directory from the environment, and no server needed for what needs none.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";

let stateDirectory: string;
beforeAll(async () => {
  stateDirectory = await mkdtemp(path.join(os.tmpdir(), "reference-client-cli-"));
});
afterAll(async () => {
  await rm(stateDirectory, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "clients/desktop/cli.ts", ...args], {
      env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", LICENSE_PORTAL_CLIENT_STATE_DIR: stateDirectory },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test("--help lists the commands; a wrong command or option is a usage error (exit 2)", { timeout: 60_000 }, async () => {
  const [help, unknown, missing, badFingerprint] = await Promise.all([
    cli("--help"),
    cli("frobnicate"),
    cli("activate", "--server", "http://127.0.0.1:9"),
    cli("status", "--server", "http://127.0.0.1:9", "--fingerprint", "short"),
  ]);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain("lease take --license ID");
  expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command "frobnicate"') });
  expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining("activate needs --key") });
  expect(badFingerprint).toMatchObject({ code: 2, stderr: expect.stringContaining("--fingerprint must be") });
});

test("without a login, commands say so (exit 1); status works offline", { timeout: 60_000 }, async () => {
  const [activate, status] = await Promise.all([cli("activate", "--key", "K"), cli("status", "--server", "http://127.0.0.1:9", "--json")]);
  expect(activate).toMatchObject({ code: 1, stderr: expect.stringContaining("Not signed in") });
  expect(status.code).toBe(0);
  expect(JSON.parse(status.stdout)).toMatchObject({ server: "http://127.0.0.1:9", signedIn: false, activations: [], leases: [] });
});
