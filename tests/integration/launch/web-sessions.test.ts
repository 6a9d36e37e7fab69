// R2: the web application keeps its floating seat with POST /api/v1/web-sessions/heartbeat and
// frees it with DELETE /api/v1/web-sessions, authorised by the lease id and the browser session id
// from the launch token. Route handlers are called directly, with the routes' clock moved by hand.
import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { changePassword } from "@/lib/accounts/change-password";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { deletePastPortalSessions, endPortalSessions } from "@/lib/auth/portal-sessions";
import { launchProduct } from "@/lib/launch/launch-product";
import { issueLaunchToken } from "@/lib/launch/launch-token";
import { deleteExpiredRedemptions } from "@/lib/launch/redeem-launch-token";
import { signToken } from "@/lib/signing/signed-tokens";
import { POST as heartbeat } from "@/app/api/v1/web-sessions/heartbeat/route";
import { DELETE as endSession, POST as startSession } from "@/app/api/v1/web-sessions/route";
import { POST as sessionStatus } from "@/app/api/v1/web-sessions/status/route";
import { createTestTenant, TEST_PASSWORD, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { call, useRouteClock } from "../api/api-test-kit";
import { browserSession, HOUR, MINUTE, setAssignments, signedIn, webLicense } from "./launch-kit";

useTestDatabase();
const clock = useRouteClock();

/** A user of a one-seat (or more) web floating license who opened it: their seat and browser session. */
async function openedSeat(tenant: TestTenant, options: { seats?: number; userCount?: number } = {}) {
  const { license, users } = await webLicense(tenant, "FLOATING", { seats: options.seats ?? 1, userCount: options.userCount ?? 2 });
  const user = await signedIn(users[0]!);
  const browserSessionId = user.session.seatHolderId;
  const { outcome } = await launchProduct({ user, productCode: "PROFIS_ENGINEERING", browserSessionId, clock });
  if (outcome.kind !== "granted" || !outcome.lease) throw new Error("expected a seat");
  return { license, users, user, seat: { leaseId: outcome.lease.id, browserSessionId } };
}

const beat = (json: unknown) => call(heartbeat, { path: "/web-sessions/heartbeat", json });
const release = (json: unknown) => call(endSession, { method: "DELETE", path: "/web-sessions", json });
const status = (browserSessionId: string) => call(sessionStatus, { path: "/web-sessions/status", json: { browserSessionId } });
const redeem = (launchToken: string) => call(startSession, { path: "/web-sessions", json: { launchToken } });

test("a heartbeat while the tab is in use extends the seat to one hour from now", async () => {
  const { seat } = await openedSeat(await createTestTenant());
  clock.advance(40 * MINUTE);
  const answer = await beat(seat);
  expect(answer).toMatchObject({
    status: 200,
    body: { leaseId: seat.leaseId, expiresAt: new Date(clock.now().getTime() + HOUR).toISOString() },
  });
  expect(answer.headers.get("cache-control")).toBe("no-store");
});

test("an idle seat lapses after an hour: taken by a colleague meanwhile → 410 LEASE_EXPIRED; still free → taken up again", async () => {
  const tenant = await createTestTenant();
  const { users, seat } = await openedSeat(tenant);
  clock.advance(61 * MINUTE);
  expect(await beat(seat)).toMatchObject({ status: 200, body: { leaseId: seat.leaseId } });

  clock.advance(61 * MINUTE);
  const colleague = await launchProduct({
    user: await signedIn(users[1]!),
    productCode: "PROFIS_ENGINEERING",
    browserSessionId: browserSession(),
    clock,
  });
  expect(colleague.outcome).toMatchObject({ kind: "granted", level: "licensed" });
  expect(await beat(seat)).toMatchObject({ status: 410, body: { code: "LEASE_EXPIRED", status: 410, type: "about:blank" } });
});

test("Log out frees the seat at once for a colleague (204, also a second time); the freed seat answers heartbeats with 410", async () => {
  const tenant = await createTestTenant();
  const { license, users, seat } = await openedSeat(tenant);
  const waiting = await launchProduct({
    user: await signedIn(users[1]!),
    productCode: "PROFIS_ENGINEERING",
    browserSessionId: browserSession(),
    clock,
  });
  expect(waiting.outcome.kind).toBe("seats-in-use");

  expect(await release(seat)).toMatchObject({ status: 204, body: null });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: seat.leaseId } })).toMatchObject({
    releasedAt: clock.now(),
    releaseReason: "logout",
  });
  expect(await db().auditEvent.count({ where: { action: "lease.released", licenseId: license.id, companyId: tenant.company.id } })).toBe(1);
  expect((await release(seat)).status).toBe(204);
  expect(await beat(seat)).toMatchObject({ status: 410, body: { code: "LEASE_EXPIRED" } });
  const admitted = await launchProduct({
    user: await signedIn(users[1]!),
    productCode: "PROFIS_ENGINEERING",
    browserSessionId: browserSession(),
    clock,
  });
  expect(admitted.outcome).toMatchObject({ kind: "granted", level: "licensed" });
});

test("R18: after revocation the heartbeat answers 403 NOT_ASSIGNED; after the license's end 403 LICENSE_NOT_VALID", async () => {
  const tenant = await createTestTenant();
  const revoked = await openedSeat(tenant);
  await setAssignments(tenant, revoked.license.id, [revoked.users[0]!], false);
  expect(await beat(revoked.seat)).toMatchObject({ status: 403, body: { code: "NOT_ASSIGNED" } });

  const ending = await openedSeat(tenant);
  // A license ending within the portal session's week (a web session never outlives that).
  const validUntil = new Date(clock.now().getTime() + 30 * MINUTE);
  await db().license.update({ where: { id: ending.license.id }, data: { validUntil } });
  clock.set(new Date(validUntil.getTime() - 10 * MINUTE));
  expect((await beat(ending.seat)).status).toBe(200);
  clock.set(validUntil);
  expect(await beat(ending.seat)).toMatchObject({ status: 403, body: { code: "LICENSE_NOT_VALID" } });
});

test("R28: only the browser session that holds the seat can keep or free it; any other pair of ids is 404, and nothing changes", async () => {
  const tenant = await createTestTenant();
  const { seat } = await openedSeat(tenant);
  const other = await openedSeat(await createTestTenant());
  for (const wrong of [
    { leaseId: seat.leaseId, browserSessionId: browserSession() },
    { leaseId: seat.leaseId, browserSessionId: other.seat.browserSessionId },
    { leaseId: other.seat.leaseId, browserSessionId: seat.browserSessionId },
    { leaseId: "3f1e7f7e-0000-4000-8000-000000000000", browserSessionId: seat.browserSessionId },
  ]) {
    expect(await beat(wrong)).toMatchObject({ status: 404, body: { code: "NOT_FOUND" } });
    expect(await release(wrong)).toMatchObject({ status: 404, body: { code: "NOT_FOUND" } });
  }
  expect(await db().floatingLease.count({ where: { id: { in: [seat.leaseId, other.seat.leaseId] }, releasedAt: null } })).toBe(2);
});

test("malformed bodies are 400 with field errors, other media types 415", async () => {
  const { seat } = await openedSeat(await createTestTenant());
  const missing = await beat({ leaseId: seat.leaseId });
  expect(missing).toMatchObject({ status: 400, body: { code: "INVALID_REQUEST", errors: [{ field: "browserSessionId" }] } });
  const unknown = await release({ ...seat, userId: "someone" });
  expect(unknown).toMatchObject({ status: 400, body: { code: "INVALID_REQUEST", errors: [{ field: "userId" }] } });
  expect(
    (await beat({ leaseId: "not-a-uuid", browserSessionId: "short" })).body.errors.map((error: { field: string }) => error.field).sort(),
  ).toEqual(["browserSessionId", "leaseId"]);
  expect(await call(heartbeat, { raw: "{", contentType: "application/json" })).toMatchObject({
    status: 400,
    body: { code: "INVALID_REQUEST" },
  });
  expect(await call(heartbeat, { raw: JSON.stringify(seat), contentType: "text/plain" })).toMatchObject({
    status: 415,
    body: { code: "UNSUPPORTED_MEDIA_TYPE" },
  });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: seat.leaseId } })).toMatchObject({ releasedAt: null });
});

// Decision 018: the web application's session lives as long as the portal session of the browser that
// opened it. Signing out there (or everywhere), or a password change elsewhere, ends it at the next
// heartbeat or status call, and the seat is given back at once.
test("signing out of the portal gives the browser's web seat back at once; its heartbeat and status answer 401", async () => {
  const tenant = await createTestTenant();
  const { users, user, seat } = await openedSeat(tenant);
  expect((await status(seat.browserSessionId)).status).toBe(204);
  await endPortalSessions({ userId: user.id, sessionId: user.session.id, reason: "signed-out", clock });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: seat.leaseId } })).toMatchObject({
    releasedAt: clock.now(),
    releaseReason: "signed-out",
  });
  expect(await beat(seat)).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
  expect(await status(seat.browserSessionId)).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
  const colleague = await launchProduct({
    user: await signedIn(users[1]!),
    productCode: "PROFIS_ENGINEERING",
    browserSessionId: browserSession(),
    clock,
  });
  expect(colleague.outcome).toMatchObject({ kind: "granted", level: "licensed" });
});

test("sign out everywhere ends every browser's web session; a password change ends the other browsers' ones", async () => {
  const tenant = await createTestTenant();
  const everywhere = await openedSeat(tenant, { seats: 2 });
  await signOutEverywhere({ actor: everywhere.user });
  expect(await beat(everywhere.seat)).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: everywhere.seat.leaseId } })).toMatchObject({
    releaseReason: "signed-out-everywhere",
  });

  const changed = await openedSeat(tenant, { seats: 2 });
  await changePassword({ actor: changed.user, currentPassword: TEST_PASSWORD, newPassword: "another long passphrase 2026" });
  // No release at the change itself: the seat's next heartbeat finds the session at an old version and frees it.
  expect(await beat(changed.seat)).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: changed.seat.leaseId } })).toMatchObject({
    releaseReason: "signed-out",
  });
  expect((await status(changed.seat.browserSessionId)).status).toBe(401);
});

test("a disabled account's web seat ends at its next heartbeat", async () => {
  const { user, seat } = await openedSeat(await createTestTenant());
  await db().user.update({ where: { id: user.id }, data: { disabledAt: clock.now() } });
  expect(await beat(seat)).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: seat.leaseId } })).toMatchObject({ releasedAt: clock.now() });
});

test("a person who left the company loses the seat at the next heartbeat (403), even with the assignment still in place", async () => {
  const tenant = await createTestTenant();
  const { license, user, seat } = await openedSeat(tenant);
  await db().membership.deleteMany({ where: { userId: user.id, companyId: tenant.company.id } });
  expect(await db().assignment.count({ where: { licenseId: license.id, userId: user.id, revokedAt: null } })).toBe(1);
  expect(await beat(seat)).toMatchObject({ status: 403, body: { code: "FORBIDDEN" } });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: seat.leaseId } })).toMatchObject({
    releasedAt: clock.now(),
    releaseReason: "membership ended",
  });
});

test("a launch token is redeemed once: the first POST /web-sessions is 201, a replay 409, and anything that is not a launch token 401", async () => {
  const tenant = await createTestTenant();
  const { users } = await webLicense(tenant, "NAMED_USER");
  const user = await signedIn(users[0]!);
  const { outcome } = await launchProduct({ user, productCode: "PROFIS_ENGINEERING", browserSessionId: user.session.seatHolderId, clock });
  if (outcome.kind !== "granted") throw new Error("expected a grant");
  const token = await issueLaunchToken({
    user,
    productCode: "PROFIS_ENGINEERING",
    grant: outcome,
    browserSessionId: user.session.seatHolderId,
    clock,
  });

  const [first, second] = await Promise.all([redeem(token), redeem(token)]);
  expect([first.status, second.status].sort()).toEqual([201, 409]);
  expect([first, second].find((answer) => answer.status === 201)!.body).toEqual({
    productCode: "PROFIS_ENGINEERING",
    userId: user.id,
    browserSessionId: user.session.seatHolderId,
  });
  expect(await redeem(token)).toMatchObject({ status: 409, body: { code: "CONFLICT" } });

  const accessToken = await signToken({
    kind: "access",
    subject: user.id,
    audience: "PROFIS_ENGINEERING",
    claims: { jti: "x", browserSessionId: user.session.seatHolderId },
    clock,
  });
  for (const wrong of [accessToken, "not-a-token", `${token.slice(0, -4)}AAAA`])
    expect(await redeem(wrong)).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
  clock.advance(3 * MINUTE);
  const late = await issueLaunchToken({
    user,
    productCode: "PROFIS_ENGINEERING",
    grant: outcome,
    browserSessionId: user.session.seatHolderId,
    clock: { now: () => new Date(clock.now().getTime() - 3 * MINUTE) },
  });
  expect(await redeem(late)).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
  expect(await status("x".repeat(43))).toMatchObject({ status: 401 });
  expect(await call(sessionStatus, { path: "/web-sessions/status", json: { browserSessionId: "short" } })).toMatchObject({
    status: 400,
    body: { code: "INVALID_REQUEST" },
  });
});

test("the sweeper forgets redemptions of expired launch tokens and sessions that ended more than a day ago, nothing live", async () => {
  const tenant = await createTestTenant();
  const { user, users } = await openedSeat(tenant);
  const other = await signedIn(users[1]!);
  await endPortalSessions({ userId: other.id, sessionId: other.session.id, reason: "signed-out", clock });
  await db().launchTokenRedemption.createMany({
    data: [
      { jti: `old-${user.id}`, redeemedAt: clock.now(), expiresAt: new Date(clock.now().getTime() - MINUTE) },
      { jti: `new-${user.id}`, redeemedAt: clock.now(), expiresAt: new Date(clock.now().getTime() + MINUTE) },
    ],
  });
  const dayLater = { now: () => new Date(clock.now().getTime() + 25 * HOUR) };
  await deleteExpiredRedemptions({ clock });
  expect((await db().launchTokenRedemption.findMany({ where: { jti: { endsWith: user.id } } })).map((row) => row.jti)).toEqual([
    `new-${user.id}`,
  ]);
  await deletePastPortalSessions({ clock: dayLater });
  expect(await db().portalSession.count({ where: { id: other.session.id } })).toBe(0);
  expect(await db().portalSession.count({ where: { id: user.session.id } })).toBe(1);
});
