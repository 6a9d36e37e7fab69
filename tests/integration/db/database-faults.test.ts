// Bounded waits (docs/OPERATIONS.md): the database freezes (a server under SIGSTOP: connections
// open, no answers) or goes away (connections reset, new ones refused) between the app and
// PostgreSQL, in a TCP proxy. Every API call answers within its bounds — 503 DATABASE_UNAVAILABLE
// with Retry-After, never 500 and never a hang — the health check within its deadline, and once the
// line is back everything works again without a restart: the seat taken before the fault is still
// held and no seat is given twice.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { checkDatabase } from "@/lib/db/check-database";
import { createDb, useDb } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { GET as entitlements } from "@/app/api/v1/entitlements/route";
import { DELETE as release } from "@/app/api/v1/leases/[id]/route";
import { POST as takeLease } from "@/app/api/v1/leases/route";
import { POST as signInRoute } from "@/app/api/v1/sessions/route";
import { POST as activate } from "@/app/api/v1/activations/route";
import { createTestTenant } from "../../fixtures/tenant";
import { startFaultProxy, type FaultProxy } from "../../fixtures/fault-proxy";
import { useTestDatabase } from "../../setup/test-database";
import { call, desktopLicense, fingerprintOf, signIn, useRouteClock } from "../api/api-test-kit";

const database = useTestDatabase();
useRouteClock();

// Small bounds, so the test waits seconds, not the production defaults.
const TIMEOUTS = { connectMs: 1_000, queryMs: 1_500, statementMs: 1_000, lockMs: 1_000 };
const BOUND_MS = 4_000;

let proxy: FaultProxy;
let faulty: PrismaClient;
beforeAll(async () => {
  proxy = await startFaultProxy(database.url);
  faulty = createDb(proxy.url, 3, TIMEOUTS);
});
afterAll(async () => {
  useDb(database.db);
  proxy.thaw();
  await faulty.$disconnect().catch(() => {});
  await proxy.close();
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

function expectUnavailable(answer: { status: number; headers: Headers; body: { code?: string } }) {
  expect(answer.status).toBe(503);
  expect(answer.body.code).toBe("DATABASE_UNAVAILABLE");
  expect(answer.headers.get("retry-after")).toBe("5");
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
}

test("a frozen database: bounded 503s and a health deadline; thawed, the same client works and the seat is still held once", async () => {
  const tenant = await createTestTenant();
  const { license, key, users } = await desktopLicense(tenant, "FLOATING", { seats: 1, userCount: 2 });
  const [first, second] = await Promise.all(users.map((user) => signIn(user)));
  const [pcOne, pcTwo] = [fingerprintOf("freeze-1"), fingerprintOf("freeze-2")];
  expect(
    (await call(activate, { token: first!.accessToken, json: { activationKey: key, fingerprint: pcOne, hostname: "PC-1" } })).status,
  ).toBe(201);
  expect(
    (await call(activate, { token: second!.accessToken, json: { activationKey: key, fingerprint: pcTwo, hostname: "PC-2" } })).status,
  ).toBe(201);

  useDb(faulty);
  const taken = await call(takeLease, { token: first!.accessToken, json: { licenseId: license.id, fingerprint: pcOne } });
  expect(taken.status).toBe(201);

  proxy.freeze();
  const health = await timed(() => checkDatabase({ db: faulty }));
  expect(health.result).toMatch(/no answer within|timeout/i);
  expect(health.ms).toBeLessThan(2_500);
  // Several calls at once, more than the pool has connections: each is answered, none hangs.
  const calls = await timed(() =>
    Promise.all([
      call(takeLease, { token: second!.accessToken, json: { licenseId: license.id, fingerprint: pcTwo } }),
      call(entitlements, { method: "GET", token: first!.accessToken }),
      call(entitlements, { method: "GET", token: second!.accessToken }),
      call(release, { method: "DELETE", token: first!.accessToken, params: { id: taken.body.id } }),
      call(signInRoute, { path: "/sessions", json: { email: users[0]!.email, password: "wrong-password-123", client: "Vitest" } }),
    ]),
  );
  for (const answer of calls.result) expectUnavailable(answer);
  expect(calls.ms).toBeLessThan(BOUND_MS * 2);

  proxy.thaw();
  await expect.poll(() => checkDatabase({ db: faulty }), { timeout: 10_000 }).toBeNull();
  // The release sent during the freeze did not happen (the client was told 503 and keeps its
  // seat); the seat is still the first user's, so the second is refused, not given a second seat.
  const refused = await call(takeLease, { token: second!.accessToken, json: { licenseId: license.id, fingerprint: pcTwo } });
  expect(refused).toMatchObject({ status: 409, body: { code: "NO_SEAT_AVAILABLE" } });
  expect(await database.db.floatingLease.count({ where: { licenseId: license.id, releasedAt: null } })).toBe(1);
  // The client retries its release after Retry-After: now it takes, and the seat is free.
  expect((await call(release, { method: "DELETE", token: first!.accessToken, params: { id: taken.body.id } })).status).toBe(204);
  expect((await call(takeLease, { token: second!.accessToken, json: { licenseId: license.id, fingerprint: pcTwo } })).status).toBe(201);
}, 60_000);

test("a database that is gone: 503 at once, and back without a restart", async () => {
  const tenant = await createTestTenant();
  const user = await tenant.addUser();
  useDb(faulty);
  const session = await signIn(user);

  await proxy.cut();
  const answer = await timed(() => call(entitlements, { method: "GET", token: session.accessToken }));
  expectUnavailable(answer.result);
  expect(answer.ms).toBeLessThan(BOUND_MS);
  expect(answer.result.body.detail).toBe("De database is even niet bereikbaar. Probeer het over 5 seconden opnieuw.");
  expect(await checkDatabase({ db: faulty })).not.toBeNull();

  await proxy.restore();
  await expect.poll(() => checkDatabase({ db: faulty }), { timeout: 10_000 }).toBeNull();
  expect((await call(entitlements, { method: "GET", token: session.accessToken })).status).toBe(200);
}, 60_000);

test("what counts as the database being away, and what does not", () => {
  expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
  expect(isDatabaseUnavailable(new Error("Query read timeout"))).toBe(true);
  expect(
    isDatabaseUnavailable(
      Object.assign(new Error("x"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } }),
    ),
  ).toBe(true);
  expect(
    isDatabaseUnavailable(
      Object.assign(new Error("x"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57014" } } } }),
    ),
  ).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "P2002" }))).toBe(false);
  expect(
    isDatabaseUnavailable(
      Object.assign(new Error("x"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "23505" } } } }),
    ),
  ).toBe(false);
  expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
});
