// The reference client's state directory: the refresh token is a credential (0700 directory, 0600
// files, tightened again if someone loosened them) and the login is remembered for 30 days at most (R5).
import { createHash } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { REFRESH_TOKEN_TTL_MS } from "@/lib/licensing-api/contract";
import { ClientStateStore, MACHINE_ID_FILE, rememberedUntil, STATE_FILE, type StoredSession } from "@/clients/desktop/client-state";
import { identifyMachine } from "@/clients/desktop/machine";

const NOW = new Date("2026-03-02T10:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;
let directory: string;
let store: ClientStateStore;

beforeEach(async () => {
  directory = path.join(await mkdtemp(path.join(os.tmpdir(), "reference-client-")), "state");
  store = new ClientStateStore(directory);
});
afterEach(async () => {
  await rm(path.dirname(directory), { recursive: true, force: true });
});

function session(overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    server: "https://licenses.example.test",
    email: "jan@example.test",
    accessToken: "at",
    accessTokenExpiresAt: new Date(NOW.getTime() + 900_000).toISOString(),
    refreshToken: "rt-secret",
    rememberedUntil: rememberedUntil({ now: NOW, refreshTokenExpiresAt: new Date(NOW.getTime() + REFRESH_TOKEN_TTL_MS).toISOString() }),
    signedInAt: NOW.toISOString(),
    ...overrides,
  };
}

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe("permissions", () => {
  test("the directory is created 0700 and the state file, with the refresh token, 0600", async () => {
    await store.save({ session: session(), activations: [], leases: [] });
    expect(await modeOf(directory)).toBe(0o700);
    expect(await modeOf(path.join(directory, STATE_FILE))).toBe(0o600);
    expect(await readFile(path.join(directory, STATE_FILE), "utf8")).toContain("rt-secret");
  });

  test("a state file someone made readable to others is tightened to 0600 when read", async () => {
    await store.save({ session: session(), activations: [], leases: [] });
    await chmod(path.join(directory, STATE_FILE), 0o644);
    expect((await store.load(NOW)).session?.refreshToken).toBe("rt-secret");
    expect(await modeOf(path.join(directory, STATE_FILE))).toBe(0o600);
  });

  test("writes replace the file whole: no temporary files are left behind", async () => {
    await store.save({ session: session(), activations: [], leases: [] });
    await store.update((state) => void (state.session = session({ refreshToken: "rt-rotated" })), NOW);
    expect(await readdir(directory)).toEqual([STATE_FILE]);
  });

  test("a corrupt state file reads as empty instead of failing every command", async () => {
    await store.save({ session: null, activations: [], leases: [] });
    await writeFile(path.join(directory, STATE_FILE), "{ not json");
    expect(await store.load(NOW)).toEqual({ session: null, activations: [], leases: [] });
  });
});

describe("R5: the login is remembered for 30 days", () => {
  test("still remembered just before the 30 days end", async () => {
    await store.save({ session: session(), activations: [], leases: [] });
    expect((await store.load(new Date(NOW.getTime() + 30 * DAY_MS - 1000))).session?.email).toBe("jan@example.test");
  });

  test("forgotten after 30 days, and removed from disk", async () => {
    await store.save({ session: session(), activations: [], leases: [] });
    expect((await store.load(new Date(NOW.getTime() + 30 * DAY_MS + 1000))).session).toBeNull();
    expect(await readFile(path.join(directory, STATE_FILE), "utf8")).not.toContain("rt-secret");
  });

  test("never longer than 30 days, whatever the server says; sooner when the server says so", () => {
    const sixtyDays = new Date(NOW.getTime() + 60 * DAY_MS).toISOString();
    expect(rememberedUntil({ now: NOW, refreshTokenExpiresAt: sixtyDays })).toBe(new Date(NOW.getTime() + 30 * DAY_MS).toISOString());
    const tenDays = new Date(NOW.getTime() + 10 * DAY_MS).toISOString();
    expect(rememberedUntil({ now: NOW, refreshTokenExpiresAt: tenDays })).toBe(tenDays);
  });
});

describe("this machine", () => {
  test("the fingerprint is the SHA-256 of the machine id, never the id itself", async () => {
    const machineIdFile = path.join(path.dirname(directory), "machine-id");
    await writeFile(machineIdFile, "4c4c4544003510528036b4c04f4e3332\n");
    const machine = await identifyMachine({ store, machineIdFile, hostname: "NL-LT-TEST" });
    expect(machine).toEqual({
      fingerprint: createHash("sha256").update("4c4c4544003510528036b4c04f4e3332").digest("hex"),
      hostname: "NL-LT-TEST",
    });
    expect(machine.fingerprint).not.toContain("4c4c4544003510528036b4c04f4e3332");
    expect((await identifyMachine({ store, machineIdFile })).fingerprint).toBe(machine.fingerprint);
  });

  test("without a machine id, a generated one is kept (0600) so the fingerprint stays the same", async () => {
    const missing = path.join(path.dirname(directory), "no-such-file");
    const first = await identifyMachine({ store, machineIdFile: missing });
    const second = await identifyMachine({ store: new ClientStateStore(directory), machineIdFile: missing });
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(await modeOf(path.join(directory, MACHINE_ID_FILE))).toBe(0o600);
  });

  test("--fingerprint and --hostname act as another machine; a bad fingerprint is refused", async () => {
    await expect(identifyMachine({ store, fingerprint: "e2e-second-machine-0001", hostname: "E2E-B" })).resolves.toEqual({
      fingerprint: "e2e-second-machine-0001",
      hostname: "E2E-B",
    });
    await expect(identifyMachine({ store, fingerprint: "short" })).rejects.toThrow(/--fingerprint must be/);
    await expect(identifyMachine({ store, fingerprint: "has spaces in it, not allowed" })).rejects.toThrow(/--fingerprint must be/);
  });
});
