// R2: the web application keeps its floating seat with POST /api/v1/web-sessions/heartbeat and
// frees it with DELETE /api/v1/web-sessions, authorised by the lease id and the browser session id
// from the launch token. Route handlers are called directly, with the routes' clock moved by hand.
import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { launchProduct } from "@/lib/launch/launch-product";
import { POST as heartbeat } from "@/app/api/v1/web-sessions/heartbeat/route";
import { DELETE as endSession } from "@/app/api/v1/web-sessions/route";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
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

test("a heartbeat while the tab is in use extends the seat to one hour from now", async () => {
  const { seat } = await openedSeat(await createTestTenant());
  clock.advance(40 * MINUTE);
  const answer = await beat(seat);
  expect(answer).toMatchObject({ status: 200, body: { leaseId: seat.leaseId, expiresAt: new Date(clock.now().getTime() + HOUR).toISOString() } });
  expect(answer.headers.get("cache-control")).toBe("no-store");
});

test("an idle seat lapses after an hour: taken by a colleague meanwhile → 410 LEASE_EXPIRED; still free → taken up again", async () => {
  const tenant = await createTestTenant();
  const { users, seat } = await openedSeat(tenant);
  clock.advance(61 * MINUTE);
  expect(await beat(seat)).toMatchObject({ status: 200, body: { leaseId: seat.leaseId } });

  clock.advance(61 * MINUTE);
  const colleague = await launchProduct({ user: await signedIn(users[1]!), productCode: "PROFIS_ENGINEERING", browserSessionId: browserSession(), clock });
  expect(colleague.outcome).toMatchObject({ kind: "granted", level: "licensed" });
  expect(await beat(seat)).toMatchObject({ status: 410, body: { code: "LEASE_EXPIRED", status: 410, type: "about:blank" } });
});

test("Log out frees the seat at once for a colleague (204, also a second time); the freed seat answers heartbeats with 410", async () => {
  const tenant = await createTestTenant();
  const { license, users, seat } = await openedSeat(tenant);
  const waiting = await launchProduct({ user: await signedIn(users[1]!), productCode: "PROFIS_ENGINEERING", browserSessionId: browserSession(), clock });
  expect(waiting.outcome.kind).toBe("seats-in-use");

  expect(await release(seat)).toMatchObject({ status: 204, body: null });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: seat.leaseId } })).toMatchObject({ releasedAt: clock.now(), releaseReason: "logout" });
  expect(await db().auditEvent.count({ where: { action: "lease.released", licenseId: license.id, companyId: tenant.company.id } })).toBe(1);
  expect((await release(seat)).status).toBe(204);
  expect(await beat(seat)).toMatchObject({ status: 410, body: { code: "LEASE_EXPIRED" } });
  const admitted = await launchProduct({ user: await signedIn(users[1]!), productCode: "PROFIS_ENGINEERING", browserSessionId: browserSession(), clock });
  expect(admitted.outcome).toMatchObject({ kind: "granted", level: "licensed" });
});

test("R18: after revocation the heartbeat answers 403 NOT_ASSIGNED; after the license's end 403 LICENSE_NOT_VALID", async () => {
  const tenant = await createTestTenant();
  const revoked = await openedSeat(tenant);
  await setAssignments(tenant, revoked.license.id, [revoked.users[0]!], false);
  expect(await beat(revoked.seat)).toMatchObject({ status: 403, body: { code: "NOT_ASSIGNED" } });

  const ending = await openedSeat(tenant);
  clock.set(new Date(ending.license.validUntil.getTime() - 10 * MINUTE));
  expect((await beat(ending.seat)).status).toBe(200);
  clock.set(ending.license.validUntil);
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
  expect((await beat({ leaseId: "not-a-uuid", browserSessionId: "short" })).body.errors.map((error: { field: string }) => error.field).sort()).toEqual(["browserSessionId", "leaseId"]);
  expect(await call(heartbeat, { raw: "{", contentType: "application/json" })).toMatchObject({ status: 400, body: { code: "INVALID_REQUEST" } });
  expect(await call(heartbeat, { raw: JSON.stringify(seat), contentType: "text/plain" })).toMatchObject({ status: 415, body: { code: "UNSUPPORTED_MEDIA_TYPE" } });
  expect(await db().floatingLease.findUniqueOrThrow({ where: { id: seat.leaseId } })).toMatchObject({ releasedAt: null });
});
