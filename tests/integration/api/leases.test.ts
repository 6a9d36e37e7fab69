// R2/R5/R25: POST /api/v1/leases, heartbeats and releases through the API: seats per user and
// machine, a signed receipt, NO_SEAT_AVAILABLE with the next expiry (refusals audited), the expiry
// rules of heartbeats, and access ending at the next call.
import { createLocalJWKSet, jwtVerify } from "jose";
import { expect, test } from "vitest";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { LEASE_DURATION_MS, LEASE_SWEEP_GRACE_MS } from "@/lib/leases/lease-policy";
import { sweepExpiredLeases } from "@/lib/leases/sweep-expired-leases";
import { POST as activate } from "@/app/api/v1/activations/route";
import { DELETE as deactivate } from "@/app/api/v1/activations/[id]/route";
import { POST as heartbeat } from "@/app/api/v1/leases/[id]/heartbeat/route";
import { DELETE as release } from "@/app/api/v1/leases/[id]/route";
import { POST as takeLease } from "@/app/api/v1/leases/route";
import { POST as refresh } from "@/app/api/v1/sessions/refresh/route";
import { GET as signingKeys } from "@/app/api/v1/signing-keys/route";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { assign, call, desktopLicense, fingerprintOf, MINUTE, signIn, useRouteClock, type Session } from "./api-test-kit";

useTestDatabase();
const clock = useRouteClock();

type Seat = { session: Session; fingerprint: string };

/** A floating desktop license with `userCount` users, each signed in and activated on one machine. */
async function floatingWithSeats(tenant: TestTenant, seats: number, userCount: number) {
  const { license, key, users } = await desktopLicense(tenant, "FLOATING", { seats, userCount });
  const holders: Seat[] = [];
  for (const [index, user] of users.entries()) {
    const fingerprint = fingerprintOf(`pc-${index}`);
    const session = await signIn(user);
    expect(
      (await call(activate, { token: session.accessToken, json: { activationKey: key, fingerprint, hostname: `PC-${index}` } })).status,
    ).toBe(201);
    holders.push({ session, fingerprint });
  }
  return { license, key, users, holders };
}

const take = (seat: Seat, licenseId: string) =>
  call(takeLease, { token: seat.session.accessToken, json: { licenseId, fingerprint: seat.fingerprint } });
const beat = (seat: Seat, leaseId: string) => call(heartbeat, { token: seat.session.accessToken, params: { id: leaseId } });
/** Access tokens last 15 minutes: a client past that refreshes; here it simply signs in again. */
const refreshed = async (seat: Seat, user: { email: string }): Promise<Seat> => ({ ...seat, session: await signIn(user) });

test("R5: 201 with a one-hour lease and a signed receipt; the same user and machine again is 200 with the same lease extended", async () => {
  const tenant = await createTestTenant();
  const { license, holders, users } = await floatingWithSeats(tenant, 1, 1);
  const first = await take(holders[0]!, license.id);
  expect(first).toMatchObject({
    status: 201,
    body: { licenseId: license.id, expiresAt: new Date(clock.now().getTime() + LEASE_DURATION_MS).toISOString() },
  });
  const jwks = createLocalJWKSet((await call(signingKeys, { method: "GET" })).body);
  const { payload } = await jwtVerify(first.body.signature, jwks, {
    issuer: env().APP_BASE_URL,
    audience: "PROFIS_DETECTION_OFFICE",
    typ: "lease+jwt",
    currentDate: clock.now(),
  });
  expect(payload).toMatchObject({
    sub: users[0]!.id,
    leaseId: first.body.id,
    licenseId: license.id,
    fingerprint: holders[0]!.fingerprint,
    expiresAt: first.body.expiresAt,
  });
  expect(payload.exp).toBe(Math.floor(new Date(first.body.expiresAt).getTime() / 1000));

  clock.advance(10 * MINUTE);
  const again = await take(holders[0]!, license.id);
  expect(again).toMatchObject({
    status: 200,
    body: { id: first.body.id, expiresAt: new Date(clock.now().getTime() + LEASE_DURATION_MS).toISOString() },
  });
  expect(await db().auditEvent.count({ where: { action: "lease.acquired", licenseId: license.id, companyId: tenant.company.id } })).toBe(1);
});

test("R2/R25: with every seat taken the next machine gets 409 NO_SEAT_AVAILABLE with seats and the next expiry, and the refusal is audited", async () => {
  const tenant = await createTestTenant();
  const { license, holders, users } = await floatingWithSeats(tenant, 2, 3);
  await take(holders[0]!, license.id);
  const firstExpiry = new Date(clock.now().getTime() + LEASE_DURATION_MS).toISOString();
  clock.advance(5 * MINUTE);
  await take(holders[1]!, license.id);
  const refused = await take(holders[2]!, license.id);
  expect(refused).toMatchObject({
    status: 409,
    body: { code: "NO_SEAT_AVAILABLE", seats: 2, nextExpiry: firstExpiry, detail: expect.stringContaining("2") },
  });
  expect(await db().auditEvent.findMany({ where: { action: "lease.refused", licenseId: license.id } })).toMatchObject([
    { companyId: tenant.company.id, subjectUserId: users[2]!.id, data: { reason: "NO_SEAT_AVAILABLE", seats: 2 } },
  ]);
  expect(await db().floatingLease.count({ where: { licenseId: license.id } })).toBe(2);
});

test("R5: a machine without an activation gets 403 NOT_ACTIVATED; a user without the license 403 NOT_ASSIGNED; another company's license 404", async () => {
  const tenant = await createTestTenant();
  const { license, holders } = await floatingWithSeats(tenant, 5, 1);
  const other = await createTestTenant();
  const foreign = await floatingWithSeats(other, 5, 1);
  expect(
    (
      await call(takeLease, {
        token: holders[0]!.session.accessToken,
        json: { licenseId: license.id, fingerprint: fingerprintOf("never-activated") },
      })
    ).body.code,
  ).toBe("NOT_ACTIVATED");
  const colleague = await signIn(await tenant.addUser());
  expect(
    (await call(takeLease, { token: colleague.accessToken, json: { licenseId: license.id, fingerprint: holders[0]!.fingerprint } })).body
      .code,
  ).toBe("NOT_ASSIGNED");
  const crossCompany = await call(takeLease, {
    token: holders[0]!.session.accessToken,
    json: { licenseId: foreign.license.id, fingerprint: holders[0]!.fingerprint },
  });
  expect(crossCompany).toMatchObject({ status: 404, body: { code: "NOT_FOUND" } });
  const missing = await call(takeLease, {
    token: holders[0]!.session.accessToken,
    json: { licenseId: "7d0c5a4e-2a4b-4c7e-9f1d-0b8e2f6a9c31", fingerprint: holders[0]!.fingerprint },
  });
  expect(missing.body.code).toBe("NOT_FOUND");
  expect(await db().floatingLease.count({ where: { licenseId: { in: [license.id, foreign.license.id] } } })).toBe(0);
});

test("a node-locked or web license has no seats to lease: 400 naming licenseId", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await desktopLicense(tenant, "NODE_LOCKED");
  const session = await signIn(users[0]!);
  const answer = await call(takeLease, { token: session.accessToken, json: { licenseId: license.id, fingerprint: fingerprintOf("x") } });
  expect(answer).toMatchObject({ status: 400, body: { code: "INVALID_REQUEST", errors: [{ field: "licenseId" }] } });
  const web = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 3);
  await assign(tenant, web.id, users);
  expect(
    (await call(takeLease, { token: session.accessToken, json: { licenseId: web.id, fingerprint: fingerprintOf("x") } })).body.errors,
  ).toMatchObject([{ field: "licenseId" }]);
});

test("R5: a heartbeat extends the lease by an hour from now; DELETE releases it (204, again 204) and the heartbeat then answers 410", async () => {
  const tenant = await createTestTenant();
  const { license, holders } = await floatingWithSeats(tenant, 1, 1);
  const lease = (await take(holders[0]!, license.id)).body;
  clock.advance(10 * MINUTE);
  const beaten = await beat(holders[0]!, lease.id);
  expect(beaten).toMatchObject({
    status: 200,
    body: {
      id: lease.id,
      licenseId: license.id,
      expiresAt: new Date(clock.now().getTime() + LEASE_DURATION_MS).toISOString(),
      signature: expect.any(String),
    },
  });
  // An empty JSON object is as good as no body; anything else is not.
  expect((await call(heartbeat, { token: holders[0]!.session.accessToken, params: { id: lease.id }, json: {} })).status).toBe(200);
  expect((await call(heartbeat, { token: holders[0]!.session.accessToken, params: { id: lease.id }, json: { extendBy: 99 } })).status).toBe(
    400,
  );

  expect((await call(release, { method: "DELETE", token: holders[0]!.session.accessToken, params: { id: lease.id } })).status).toBe(204);
  expect((await call(release, { method: "DELETE", token: holders[0]!.session.accessToken, params: { id: lease.id } })).status).toBe(204);
  expect((await beat(holders[0]!, lease.id)).body.code).toBe("LEASE_EXPIRED");
  expect(await db().auditEvent.count({ where: { action: "lease.released", licenseId: license.id } })).toBe(1);
});

test("R5: a lease whose hour passed is renewed by a heartbeat while a seat is free; once another machine took the seat, 410 LEASE_EXPIRED", async () => {
  const tenant = await createTestTenant();
  const { license, holders, users } = await floatingWithSeats(tenant, 1, 2);
  const lease = (await take(holders[0]!, license.id)).body;

  // Asleep for 70 minutes, nobody wanted the seat: the same lease carries on.
  clock.advance(70 * MINUTE);
  let sleeper = await refreshed(holders[0]!, users[0]!);
  const renewed = await beat(sleeper, lease.id);
  expect(renewed).toMatchObject({
    status: 200,
    body: { id: lease.id, expiresAt: new Date(clock.now().getTime() + LEASE_DURATION_MS).toISOString() },
  });

  // Asleep again; this time a colleague takes the free seat.
  clock.advance(61 * MINUTE);
  const colleague = await refreshed(holders[1]!, users[1]!);
  expect((await take(colleague, license.id)).status).toBe(201);
  sleeper = await refreshed(sleeper, users[0]!);
  const gone = await beat(sleeper, lease.id);
  expect(gone).toMatchObject({ status: 410, body: { code: "LEASE_EXPIRED", title: "Gone" } });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: lease.id } })).toMatchObject({ releaseReason: "expired" });
  // The client asks for a new seat, and is told when one frees up.
  expect((await take(sleeper, license.id)).body).toMatchObject({ code: "NO_SEAT_AVAILABLE", seats: 1 });
});

test("R18/R31: a revoked assignment, an expired license or a deactivated machine ends the seat at the next heartbeat with the matching 403", async () => {
  const tenant = await createTestTenant();
  const { license, holders, users } = await floatingWithSeats(tenant, 3, 3);
  const leases = [];
  for (const holder of holders) leases.push((await take(holder, license.id)).body);

  await assign(tenant, license.id, [users[0]!], false);
  expect((await beat(holders[0]!, leases[0]!.id)).body.code).toBe("NOT_ASSIGNED");
  const activation = await db().activation.findFirstOrThrow({ where: { userId: users[1]!.id, licenseId: license.id } });
  expect((await call(deactivate, { method: "DELETE", token: holders[1]!.session.accessToken, params: { id: activation.id } })).status).toBe(
    204,
  );
  expect((await beat(holders[1]!, leases[1]!.id)).body.code).toBe("NOT_ACTIVATED");
  await db().license.update({ where: { id: license.id }, data: { validUntil: new Date(clock.now().getTime() + MINUTE) } });
  clock.advance(2 * MINUTE);
  expect((await beat(holders[2]!, leases[2]!.id)).body.code).toBe("LICENSE_NOT_VALID");
  expect((await take(holders[2]!, license.id)).body.code).toBe("LICENSE_NOT_VALID");
  // Each seat was given back at once.
  expect(await db().floatingLease.count({ where: { licenseId: license.id, releasedAt: null } })).toBe(0);
});

test("a holder whose membership of the license's company ended loses the seat at the next heartbeat (403 FORBIDDEN), and cannot take it again", async () => {
  const tenant = await createTestTenant();
  const { license, holders, users } = await floatingWithSeats(tenant, 1, 1);
  const lease = (await take(holders[0]!, license.id)).body;
  await db().membership.deleteMany({ where: { userId: users[0]!.id, companyId: tenant.company.id } });
  expect(await beat(holders[0]!, lease.id)).toMatchObject({ status: 403, body: { code: "FORBIDDEN" } });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: lease.id } })).toMatchObject({
    releasedAt: clock.now(),
    releaseReason: "membership ended",
  });
  expect((await take(holders[0]!, license.id)).status).toBe(404);
});

test("R28: another user's lease — heartbeat or release — is 404 and untouched", async () => {
  const tenant = await createTestTenant();
  const { license, holders } = await floatingWithSeats(tenant, 2, 2);
  const lease = (await take(holders[0]!, license.id)).body;
  const stranger = await signIn((await createTestTenant()).admin);
  for (const token of [holders[1]!.session.accessToken, stranger.accessToken]) {
    expect((await call(heartbeat, { token, params: { id: lease.id } })).status).toBe(404);
    expect((await call(release, { method: "DELETE", token, params: { id: lease.id } })).status).toBe(404);
  }
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: lease.id } })).toMatchObject({
    releasedAt: null,
    expiresAt: new Date(lease.expiresAt),
  });
});

test("an ended API session is 401 at the seat routes, which check it inside their one statement: no seat taken, none released, nothing audited", async () => {
  const tenant = await createTestTenant();
  const { license, holders, users } = await floatingWithSeats(tenant, 3, 3);
  const [reused, versioned, disabled] = holders as [Seat, Seat, Seat];
  const leases = await Promise.all(holders.map(async (seat) => (await take(seat, license.id)).body.id as string));
  const auditsBefore = await db().auditEvent.count({ where: { licenseId: license.id } });

  // Three ways a session ends: its refresh token presented after rotation (the family is revoked),
  // a password change or "sign out everywhere" (the session version), the account disabled.
  expect((await call(refresh, { json: { refreshToken: reused.session.refreshToken } })).status).toBe(200);
  expect((await call(refresh, { json: { refreshToken: reused.session.refreshToken } })).status).toBe(401);
  await signOutEverywhere({ actor: users[1]! });
  await db().user.update({ where: { id: users[2]!.id }, data: { disabledAt: clock.now() } });

  for (const [index, seat] of [reused, versioned, disabled].entries()) {
    // The user's own lease, a valid body: only the session is wrong.
    expect(await call(release, { method: "DELETE", token: seat.session.accessToken, params: { id: leases[index]! } })).toMatchObject({
      status: 401,
      body: { code: "UNAUTHENTICATED" },
    });
    expect(await take(seat, license.id)).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
  }
  expect(await db().floatingLease.count({ where: { licenseId: license.id } })).toBe(3);
  expect(await db().floatingLease.count({ where: { licenseId: license.id, releasedAt: null } })).toBe(3);
  expect(await db().floatingLease.findMany({ where: { licenseId: license.id }, select: { expiresAt: true } })).toEqual(
    leases.map(() => ({ expiresAt: new Date(clock.now().getTime() + LEASE_DURATION_MS) })),
  );
  expect(await db().auditEvent.count({ where: { licenseId: license.id } })).toBe(auditsBefore);

  // A live session of the same user is unaffected: its statement takes and releases.
  const fresh = await refreshed(reused, users[0]!);
  expect((await call(release, { method: "DELETE", token: fresh.session.accessToken, params: { id: leases[0]! } })).status).toBe(204);
  expect((await take(fresh, license.id)).status).toBe(201);
});

test("the sweeper only tidies: leases expired longer than the grace are marked released once, with lease.expired for the company", async () => {
  const tenant = await createTestTenant();
  const { license, holders, users } = await floatingWithSeats(tenant, 2, 2);
  const old = (await take(holders[0]!, license.id)).body;
  clock.advance(LEASE_DURATION_MS + LEASE_SWEEP_GRACE_MS / 2);
  const recent = (await take(await refreshed(holders[1]!, users[1]!), license.id)).body;
  clock.advance(LEASE_SWEEP_GRACE_MS / 2 + MINUTE);

  // Earlier tests of this file left leases behind too: all are tidied in the first round, none in the second.
  expect(await sweepExpiredLeases({ clock })).toBeGreaterThanOrEqual(1);
  expect(await sweepExpiredLeases({ clock })).toBe(0);
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
    releaseReason: "expired",
    releasedAt: clock.now(),
  });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({ releasedAt: null });
  expect(await db().auditEvent.count({ where: { action: "lease.expired", licenseId: license.id, companyId: tenant.company.id } })).toBe(1);
});
