// R25 under real concurrency, through the API: two app instances (two processes, two connection
// pools) on one database, no test transaction around anything — every request commits for real.
// Runs on the embedded PGlite and, with TEST_DATABASE_URL, on a PostgreSQL server.
import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import type { User } from "@prisma/client";
import { activateLicense } from "@/lib/activations/activate-license";
import { issueAccessToken } from "@/lib/api-sessions/access-tokens";
import { newRefreshToken } from "@/lib/api-sessions/refresh-tokens";
import { db } from "@/lib/db/client";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { desktopLicense, fingerprintOf, HOUR, MINUTE, useRouteClock } from "./api-test-kit";
import type { WorkerAnswer, WorkerCall } from "./support/route-worker";
import { runOnTwoInstances } from "./support/two-instances";

const database = useTestDatabase();
const clock = useRouteClock();

/** An API session without the password round trip (sign-in itself is tested in sessions.test.ts). */
async function accessTokenFor(user: User): Promise<string> {
  const sessionId = randomUUID();
  await db().refreshToken.create({
    data: {
      familyId: sessionId,
      tokenHash: newRefreshToken(0).tokenHash,
      userId: user.id,
      client: "seat-safety",
      expiresAt: new Date(clock.now().getTime() + HOUR * 24),
    },
  });
  return (
    await issueAccessToken({
      userId: user.id,
      sessionId,
      sessionVersion: user.sessionVersion,
      client: "seat-safety",
      deviceId: null,
      clock,
    })
  ).accessToken;
}

/** Alternates the calls over the two instances, both released at the same moment; answers in call order. */
async function race(calls: WorkerCall[]): Promise<WorkerAnswer[]> {
  const at = clock.now().toISOString();
  const [even, odd] = await runOnTwoInstances({
    databaseUrl: database.url,
    jobs: [
      { at, calls: calls.filter((_, index) => index % 2 === 0) },
      { at, calls: calls.filter((_, index) => index % 2 === 1) },
    ],
  });
  return calls.map((_, index) => (index % 2 === 0 ? even[index / 2] : odd[(index - 1) / 2])!);
}

/** Takes the first seat of a license for one holder (through one instance, as setup). */
async function takeFirstSeat(token: string, licenseId: string, fingerprint: string): Promise<string> {
  const [answer] = await race([{ route: "takeLease", token, json: { licenseId, fingerprint } }]);
  expect(answer!.status).toBe(201);
  return (answer!.body as { id: string }).id;
}

const statuses = (answers: WorkerAnswer[]) =>
  answers.reduce<Record<number, number>>((counts, answer) => ({ ...counts, [answer.status]: (counts[answer.status] ?? 0) + 1 }), {});

test("R25: 200 concurrent lease requests from two instances for a 5-seat floating license grant exactly 5", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await desktopLicense(tenant, "FLOATING", { seats: 5, userCount: 20 });
  const calls: WorkerCall[] = [];
  for (const [userIndex, user] of users.entries()) {
    const token = await accessTokenFor(user);
    // Ten activated machines per user, written directly: activation itself is raced below.
    const machines = Array.from({ length: 10 }, (_, machine) => ({
      userId: user.id,
      fingerprint: fingerprintOf(`u${userIndex}-m${machine}`),
      hostname: `PC-${userIndex}-${machine}`,
    }));
    const devices = await db().device.createManyAndReturn({ data: machines, select: { id: true, fingerprint: true } });
    await db().activation.createMany({
      data: devices.map((device) => ({ licenseId: license.id, licenseType: "FLOATING" as const, deviceId: device.id, userId: user.id })),
    });
    for (const device of devices)
      calls.push({ route: "takeLease", token, json: { licenseId: license.id, fingerprint: device.fingerprint } });
  }

  const answers = await race(calls);
  expect(statuses(answers)).toEqual({ 201: 5, 409: 195 });
  for (const answer of answers) if (answer.status === 409) expect(answer.body).toMatchObject({ code: "NO_SEAT_AVAILABLE", seats: 5 });
  expect(await db().floatingLease.count({ where: { licenseId: license.id } })).toBe(5);
  expect(await db().floatingLease.count({ where: { licenseId: license.id, releasedAt: null, expiresAt: { gt: clock.now() } } })).toBe(5);
  expect(await db().auditEvent.count({ where: { licenseId: license.id, action: "lease.acquired" } })).toBe(5);
  // Every refusal was recorded although its seat transaction refused (R24).
  expect(await db().auditEvent.count({ where: { licenseId: license.id, action: "lease.refused" } })).toBe(195);
}, 240_000);

test("R3/R25: 50 concurrent activations of one node-locked key on different machines from two instances leave exactly one active", async () => {
  const tenant = await createTestTenant();
  const { license, key, users } = await desktopLicense(tenant, "NODE_LOCKED");
  const token = await accessTokenFor(users[0]!);
  const calls: WorkerCall[] = Array.from({ length: 50 }, (_, index) => ({
    route: "activate",
    token,
    json: { activationKey: key, fingerprint: fingerprintOf(`machine-${index}`), hostname: `MACHINE-${index}` },
  }));

  const answers = await race(calls);
  expect(statuses(answers)).toEqual({ 201: 1, 409: 49 });
  const winner = answers.find((answer) => answer.status === 201)!.body as { activation: { hostname: string } };
  for (const answer of answers)
    if (answer.status === 409)
      expect(answer.body).toMatchObject({ code: "ACTIVATION_LIMIT", device: { hostname: winner.activation.hostname } });
  expect(await db().activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(1);
  expect(await db().auditEvent.count({ where: { licenseId: license.id, action: "activation.refused" } })).toBe(49);
}, 240_000);

test("R5: heartbeats racing the release of their lease end released, each answered 200 (before) or 410 (after)", async () => {
  const tenant = await createTestTenant();
  const { license, key, users } = await desktopLicense(tenant, "FLOATING", { seats: 1 });
  const fingerprint = fingerprintOf("racer");
  await activateLicense({ actor: users[0]!, activationKey: key, fingerprint, hostname: "RACER", clock });
  const token = await accessTokenFor(users[0]!);
  const leaseId = await takeFirstSeat(token, license.id, fingerprint);
  clock.advance(10 * MINUTE);

  const calls: WorkerCall[] = Array.from({ length: 30 }, () => ({ route: "heartbeat", token, params: { id: leaseId } }));
  calls.splice(15, 0, { route: "releaseLease", token, params: { id: leaseId } });
  const answers = await race(calls);
  const release = answers.filter((answer) => answer.status === 204);
  expect(release).toHaveLength(1);
  expect(answers.every((answer) => [200, 204, 410].includes(answer.status))).toBe(true);
  const lease = await db().floatingLease.findUniqueOrThrow({ where: { id: leaseId } });
  expect(lease.releasedAt).not.toBeNull();
  expect(lease.releaseReason).toBe("released");
  expect(await db().floatingLease.count({ where: { licenseId: license.id, releasedAt: null } })).toBe(0);
  expect(await db().auditEvent.count({ where: { licenseId: license.id, action: "lease.released" } })).toBe(1);
}, 240_000);

test("R5/R25: heartbeats of an expired lease racing other machines for its seat: either the lease is renewed or one other machine gets the seat, never both", async () => {
  const tenant = await createTestTenant();
  const { license, key, users } = await desktopLicense(tenant, "FLOATING", { seats: 1, userCount: 11 });
  const holders = [];
  for (const [index, user] of users.entries()) {
    const fingerprint = fingerprintOf(`seat-${index}`);
    await activateLicense({ actor: user, activationKey: key, fingerprint, hostname: `SEAT-${index}`, clock });
    holders.push({ token: await accessTokenFor(user), fingerprint });
  }
  const [sleeper, ...others] = holders;
  const leaseId = await takeFirstSeat(sleeper!.token, license.id, sleeper!.fingerprint);
  // The hour has passed, but the access tokens (15 minutes) would have too: new ones for the new time.
  clock.advance(HOUR + MINUTE);
  const sleeperToken = await accessTokenFor(users[0]!);
  const calls: WorkerCall[] = [];
  for (const [index, other] of others.entries()) {
    calls.push({ route: "heartbeat", token: sleeperToken, params: { id: leaseId } });
    calls.push({
      route: "takeLease",
      token: await accessTokenFor(users[index + 1]!),
      json: { licenseId: license.id, fingerprint: other.fingerprint },
    });
  }

  const answers = await race(calls);
  const byRoute = (route: WorkerCall["route"]) => answers.filter((_, index) => calls[index]!.route === route);
  const renewed = byRoute("heartbeat").filter((answer) => answer.status === 200).length;
  const newSeats = byRoute("takeLease").filter((answer) => answer.status === 201).length;
  expect(answers.every((answer) => [200, 201, 409, 410].includes(answer.status))).toBe(true);
  // Renewed (and then extended by the later heartbeats) and no new seat, or one new seat and no renewal.
  expect([renewed > 0 && newSeats === 0, renewed === 0 && newSeats === 1]).toContain(true);
  if (newSeats === 1) for (const answer of byRoute("heartbeat")) expect(answer.status).toBe(410);
  expect(await db().floatingLease.count({ where: { licenseId: license.id, releasedAt: null, expiresAt: { gt: clock.now() } } })).toBe(1);
}, 240_000);
