// The reference client's commands against a stand-in API (fake-licensing-api.ts): sign-in is
// remembered and refreshed with rotation (R5), activation and seats store only what verified,
// a tampered answer or state file is refused, and a rotated key is fetched once.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { fixedClock } from "@/lib/clock";
import { activateCommand, deactivateCommand } from "@/clients/desktop/activation-commands";
import { STATE_FILE } from "@/clients/desktop/client-state";
import { createCommandContext, type CommandContext } from "@/clients/desktop/command-context";
import { leaseHeartbeatCommand, leaseReleaseCommand, leaseTakeCommand } from "@/clients/desktop/lease-commands";
import { NotSignedInError } from "@/clients/desktop/session";
import { signInCommand, signOutCommand, statusCommand } from "@/clients/desktop/session-commands";
import { SignedDocumentRejectedError } from "@/clients/desktop/verify";
import { createFakeApi, LICENSE_ID, SERVER, type FakeApi, type FakeApiOptions } from "./fake-licensing-api";
import { createSigner, FINGERPRINT, NOW, OTHER_FINGERPRINT, tamperWith, type TestSigner } from "./signing-fixture";

const DAY_MS = 24 * 60 * 60 * 1000;
let signer: TestSigner;
let directory: string;
let clock: ReturnType<typeof fixedClock>;

beforeAll(async () => {
  signer = await createSigner("key-1");
});
beforeEach(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), "reference-client-commands-"));
  clock = fixedClock(NOW);
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function client(fake: FakeApi, fingerprint = FINGERPRINT): Promise<CommandContext> {
  return createCommandContext({
    stateDirectory: directory,
    server: SERVER,
    machine: async () => ({ fingerprint, hostname: fingerprint === FINGERPRINT ? "NL-LT-TEST" : "NL-LT-OTHER" }),
    fetchFunction: fake.fetch,
    now: clock.now,
  });
}

async function signedIn(options: Partial<FakeApiOptions> = {}): Promise<{ fake: FakeApi; context: CommandContext }> {
  const fake = createFakeApi({ signer, now: clock.now, ...options });
  const context = await client(fake);
  await signInCommand(context, { email: "jan@example.test", password: "right", clientName: "test" });
  return { fake, context };
}

const stateText = () => readFile(path.join(directory, STATE_FILE), "utf8");

describe("R5: sign-in remembered for 30 days, refreshed with rotation", () => {
  test("a wrong password is the API's problem, and nothing is remembered", async () => {
    const fake = createFakeApi({ signer, now: clock.now });
    await expect(
      signInCommand(await client(fake), { email: "jan@example.test", password: "wrong", clientName: "test" }),
    ).rejects.toMatchObject({
      problem: { code: "INVALID_CREDENTIALS" },
    });
    await expect(stateText()).rejects.toThrow(/ENOENT/);
  });

  test("sign-in keeps the refresh token, never the password; the keys are cached for offline checks", async () => {
    const { context } = await signedIn();
    const text = await stateText();
    expect(text).toContain('"refreshToken": "rt-1"');
    expect(text).not.toContain("right");
    expect(await context.store.loadJwks(SERVER)).toMatchObject({ jwks: { keys: [{ kid: "key-1" }] } });
  });

  test("an expired access token is refreshed; each refresh token is used once and the new one is stored", async () => {
    const { fake, context } = await signedIn();
    clock.advance(20 * 60 * 1000);
    await activateCommand(context, { key: "KEY" });
    clock.advance(20 * 60 * 1000);
    await leaseTakeCommand(context, { license: LICENSE_ID });
    expect(fake.refreshTokensSeen).toEqual(["rt-1", "rt-2"]);
    expect(await stateText()).toContain('"refreshToken": "rt-3"');
    expect(fake.sessionRevoked).toBe(false);
  });

  test("after 30 days without use the login is forgotten: no call is made", async () => {
    const { fake, context } = await signedIn();
    clock.advance(30 * DAY_MS + 1000);
    const requestsBefore = fake.requests.length;
    await expect(activateCommand(context, { key: "KEY" })).rejects.toBeInstanceOf(NotSignedInError);
    expect(fake.requests.length).toBe(requestsBefore);
  });

  test("a refresh token the server refuses ends the login here too", async () => {
    const { fake, context } = await signedIn();
    fake.sessionRevoked = true;
    clock.advance(20 * 60 * 1000);
    await expect(activateCommand(context, { key: "KEY" })).rejects.toThrow(/remembered login has ended/);
    expect(JSON.parse(await stateText()).session).toBeNull();
  });

  test("sign-out ends the session on the server and forgets it with the seat of its machine", async () => {
    const { fake, context } = await signedIn();
    await activateCommand(context, { key: "KEY" });
    await leaseTakeCommand(context, { license: LICENSE_ID });
    await expect(signOutCommand(context)).resolves.toMatchObject({ data: { serverSignedOut: true } });
    expect(fake.sessionRevoked).toBe(true);
    const state = JSON.parse(await stateText()) as { session: unknown; leases: unknown[]; activations: unknown[] };
    expect(state).toMatchObject({ session: null, leases: [] });
    // The activation stays: the machine remains activated for the next sign-in (R5).
    expect(state.activations).toHaveLength(1);
  });
});

describe("activation (R3, R4, R22)", () => {
  test("a verified license file is stored; status re-checks it offline", async () => {
    const { fake, context } = await signedIn();
    const result = await activateCommand(context, { key: "KEY" });
    expect(result.lines[0]).toBe("Activated: PROFIS Layout Office (node-locked) on NL-LT-TEST.");
    const requestsBefore = fake.requests.length;
    const report = await statusCommand(context);
    expect(report.exitCode).toBe(0);
    expect(report.lines.join("\n")).toMatch(/Activated: PROFIS Layout Office \(NODE_LOCKED\), license .+; license file valid until/);
    expect(fake.requests.length).toBe(requestsBefore);
  });

  test("a tampered license file from the server is refused and nothing is stored", async () => {
    const { context } = await signedIn({ tamperLicenseFile: true });
    const refusal = activateCommand(context, { key: "KEY" });
    await expect(refusal).rejects.toBeInstanceOf(SignedDocumentRejectedError);
    await expect(refusal).rejects.toMatchObject({ reason: "BAD_SIGNATURE" });
    expect(JSON.parse(await stateText()).activations).toEqual([]);
  });

  test("a license file altered in the state directory is reported as refused (exit 3)", async () => {
    const { context } = await signedIn();
    await activateCommand(context, { key: "KEY" });
    const state = JSON.parse(await stateText()) as { activations: { licenseFile: string }[] };
    state.activations[0]!.licenseFile = tamperWith(state.activations[0]!.licenseFile, (claims) => void (claims.licenseType = "FLOATING"));
    await writeFile(path.join(directory, STATE_FILE), JSON.stringify(state));
    const report = await statusCommand(context);
    expect(report.exitCode).toBe(3);
    expect(report.lines.join("\n")).toMatch(/REFUSED: PROFIS Layout Office.+signature does not match/);
  });

  test("the license file of this machine is not valid on another (copied state directory)", async () => {
    const { fake, context } = await signedIn();
    await activateCommand(context, { key: "KEY" });
    const state = JSON.parse(await stateText()) as { activations: { fingerprint: string }[] };
    state.activations[0]!.fingerprint = OTHER_FINGERPRINT;
    await writeFile(path.join(directory, STATE_FILE), JSON.stringify(state));
    const report = await statusCommand(await client(fake, OTHER_FINGERPRINT));
    expect(report.exitCode).toBe(3);
    expect(report.lines.join("\n")).toMatch(/issued for another machine/);
  });

  test("deactivate removes the activation here after the server did", async () => {
    const { fake, context } = await signedIn();
    await activateCommand(context, { key: "KEY" });
    await deactivateCommand(context, {});
    expect(fake.requests).toContain("DELETE /api/v1/activations/6b3f8f0e-0000-4000-8000-000000000001");
    expect(JSON.parse(await stateText()).activations).toEqual([]);
  });

  test("a rotated signing key is fetched once, then verification succeeds", async () => {
    const next = await createSigner("key-2");
    let published = [signer];
    const { fake, context } = await signedIn({ signer: next, published: () => published });
    published = [next, signer];
    await activateCommand(context, { key: "KEY" });
    expect(fake.requests.filter((request) => request === "GET /api/v1/signing-keys")).toHaveLength(2);
    expect(await context.store.loadJwks(SERVER)).toMatchObject({ jwks: { keys: [{ kid: "key-2" }, { kid: "key-1" }] } });
  });
});

describe("floating seats (R5)", () => {
  test("take, heartbeat and release; each receipt verified", async () => {
    const { fake, context } = await signedIn();
    await activateCommand(context, { key: "KEY" });
    const taken = await leaseTakeCommand(context, { license: LICENSE_ID });
    expect(taken.lines[0]).toMatch(/^Seat taken until 2026-03-02T11:00:00.000Z/);
    clock.advance(50 * 60 * 1000);
    const extended = await leaseHeartbeatCommand(context, {});
    expect(extended.lines[0]).toMatch(/^Seat extended until 2026-03-02T11:50:00.000Z/);
    expect((await statusCommand(context)).lines.join("\n")).toContain("Seat held: license");
    await leaseReleaseCommand(context, {});
    expect(fake.requests.at(-1)).toBe("DELETE /api/v1/leases/6b3f8f0e-0000-4000-8000-000000000004");
    expect(JSON.parse(await stateText()).leases).toEqual([]);
  });

  test("a receipt for another machine is refused and no seat is remembered", async () => {
    const { context } = await signedIn({ leaseFingerprint: OTHER_FINGERPRINT });
    await activateCommand(context, { key: "KEY" });
    await expect(leaseTakeCommand(context, { license: LICENSE_ID })).rejects.toMatchObject({ reason: "OTHER_MACHINE" });
    expect(JSON.parse(await stateText()).leases).toEqual([]);
  });
});
