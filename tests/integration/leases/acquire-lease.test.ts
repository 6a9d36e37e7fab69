import { expect, test } from "vitest";
import { activateLicense } from "@/lib/activations/activate-license";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { LEASE_DURATION_MS } from "@/lib/leases/lease-policy";
import { releaseLease } from "@/lib/leases/release-lease";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const MINUTE = 60 * 1000;
// Licenses are valid from their creation for a year: the tests' time starts just after it.
const START = new Date(Date.now() + MINUTE);
const at = (minutesAfterStart: number) => new Date(START.getTime() + minutesAfterStart * MINUTE);

async function webFloating(tenant: TestTenant, seats: number, userCount: number) {
  const license = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", seats);
  const users = [];
  for (let index = 0; index < userCount; index++) users.push(await tenant.addUser());
  const { version } = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: version,
    changes: users.map((user) => ({ licenseId: license.id, userId: user.id, assigned: true })),
  });
  return { license, users };
}

const liveLeases = (licenseId: string, now: Date) =>
  db().floatingLease.count({ where: { licenseId, releasedAt: null, expiresAt: { gt: now } } });

test("R2: a seat lasts one hour; the same browser session again extends its own lease instead of taking a second seat", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webFloating(tenant, 1, 1);
  const clock = fixedClock(START);
  const first = await acquireLease({ userId: users[0]!.id, licenseId: license.id, holder: { browserSessionId: "session-1" }, clock });
  expect(first).toMatchObject({ isNew: true, fingerprint: null, lease: { browserSessionId: "session-1", deviceId: null } });
  expect(first.lease.expiresAt.getTime() - clock.now().getTime()).toBe(LEASE_DURATION_MS);
  clock.advance(30 * MINUTE);
  const again = await acquireLease({ userId: users[0]!.id, licenseId: license.id, holder: { browserSessionId: "session-1" }, clock });
  expect(again).toMatchObject({ isNew: false, lease: { id: first.lease.id, expiresAt: at(90) } });
  expect(await db().floatingLease.count({ where: { licenseId: license.id } })).toBe(1);
});

test("R2/R25: when all seats are taken the next user gets SEATS_EXHAUSTED with the seats and the next expiry", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webFloating(tenant, 2, 3);
  const clock = fixedClock(START);
  await acquireLease({ userId: users[0]!.id, licenseId: license.id, holder: { browserSessionId: "a" }, clock });
  clock.advance(10 * MINUTE);
  await acquireLease({ userId: users[1]!.id, licenseId: license.id, holder: { browserSessionId: "b" }, clock });
  await expect(
    acquireLease({ userId: users[2]!.id, licenseId: license.id, holder: { browserSessionId: "c" }, clock }),
  ).rejects.toMatchObject({
    code: "SEATS_EXHAUSTED",
    details: { seats: 2, nextExpiry: at(60).toISOString() },
  });
});

test("R2: after 61 minutes without use the seat is free again, with no job running; the old holder's row is taken up again", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webFloating(tenant, 1, 2);
  const clock = fixedClock(START);
  const idle = await acquireLease({ userId: users[0]!.id, licenseId: license.id, holder: { browserSessionId: "idle" }, clock });
  await expect(
    acquireLease({ userId: users[1]!.id, licenseId: license.id, holder: { browserSessionId: "waiting" }, clock }),
  ).rejects.toMatchObject({ code: "SEATS_EXHAUSTED" });

  clock.advance(61 * MINUTE);
  expect(await liveLeases(license.id, clock.now())).toBe(0);
  await acquireLease({ userId: users[1]!.id, licenseId: license.id, holder: { browserSessionId: "waiting" }, clock });
  // The first user is back, but the seat went to someone else meanwhile.
  await expect(
    acquireLease({ userId: users[0]!.id, licenseId: license.id, holder: { browserSessionId: "idle" }, clock }),
  ).rejects.toMatchObject({ code: "SEATS_EXHAUSTED" });

  clock.advance(61 * MINUTE);
  const back = await acquireLease({ userId: users[0]!.id, licenseId: license.id, holder: { browserSessionId: "idle" }, clock });
  expect(back).toMatchObject({ isNew: true, lease: { id: idle.lease.id, acquiredAt: clock.now() } });
});

test("R25: 20 concurrent requests for a 3-seat floating license leave exactly 3 live leases", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webFloating(tenant, 3, 20);
  const clock = fixedClock(START);
  const results = await Promise.allSettled(
    users.map((user, index) =>
      acquireLease({ userId: user.id, licenseId: license.id, holder: { browserSessionId: `session-${index}` }, clock }),
    ),
  );
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
  for (const result of results) if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "SEATS_EXHAUSTED" });
  expect(await liveLeases(license.id, clock.now())).toBe(3);
}, 30_000);

test("R2/R24: releasing frees the seat at once and is audited; only the lease's own user can release it", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webFloating(tenant, 1, 2);
  const clock = fixedClock(START);
  const { lease } = await acquireLease({ userId: users[0]!.id, licenseId: license.id, holder: { browserSessionId: "mine" }, clock });
  await expect(releaseLease({ userId: users[1]!.id, leaseId: lease.id, clock })).rejects.toMatchObject({ code: "NOT_FOUND" });

  clock.advance(5 * MINUTE);
  const released = await releaseLease({ userId: users[0]!.id, leaseId: lease.id, reason: "logout", clock });
  expect(released).toMatchObject({ wasOpen: true, lease: { releasedAt: clock.now(), releaseReason: "logout" } });
  expect(await releaseLease({ userId: users[0]!.id, leaseId: lease.id, clock })).toMatchObject({ wasOpen: false });
  await expect(
    acquireLease({ userId: users[1]!.id, licenseId: license.id, holder: { browserSessionId: "next" }, clock }),
  ).resolves.toMatchObject({ isNew: true });
  expect(await db().auditEvent.count({ where: { action: "lease.released", licenseId: license.id, companyId: tenant.company.id } })).toBe(1);
});

test("R5: desktop seats are held per activated device of the user; web seats per browser session", async () => {
  const tenant = await createTestTenant();
  const desktop = await tenant.addLicense("PROFIS_DETECTION_OFFICE", "FLOATING", 1);
  const user = await tenant.addUser();
  const colleague = await tenant.addUser();
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [user, colleague].map((who) => ({ licenseId: desktop.id, userId: who.id, assigned: true })),
  });
  const clock = fixedClock(START);

  const unactivated = await db().device.create({ data: { userId: user.id, fingerprint: "fp-new", hostname: "NEW-PC" } });
  await expect(acquireLease({ userId: user.id, licenseId: desktop.id, holder: { deviceId: unactivated.id }, clock })).rejects.toMatchObject(
    { code: "FORBIDDEN", details: { reason: "NOT_ACTIVATED" } },
  );
  await expect(
    acquireLease({ userId: user.id, licenseId: desktop.id, holder: { browserSessionId: "browser" }, clock }),
  ).rejects.toMatchObject({ code: "INVALID", details: { reason: "WRONG_HOLDER" } });

  const { device } = await activateLicense({
    actor: user,
    activationKey: desktop.activationKey!,
    fingerprint: "fp-work",
    hostname: "WORK-PC",
    clock,
  });
  await expect(acquireLease({ userId: colleague.id, licenseId: desktop.id, holder: { deviceId: device.id }, clock })).rejects.toMatchObject(
    { code: "NOT_FOUND" },
  );
  const first = await acquireLease({ userId: user.id, licenseId: desktop.id, holder: { deviceId: device.id }, clock });
  expect(first).toMatchObject({ isNew: true, fingerprint: "fp-work", lease: { deviceId: device.id, browserSessionId: null } });
  clock.advance(59 * MINUTE);
  const heartbeat = await acquireLease({ userId: user.id, licenseId: desktop.id, holder: { deviceId: device.id }, clock });
  expect(heartbeat.lease.id).toBe(first.lease.id);
  expect(heartbeat.lease.expiresAt).toEqual(at(119));
});

test("R28: only assigned users of the license's company can take a seat", async () => {
  const tenant = await createTestTenant();
  const stranger = await createTestTenant();
  const { license } = await webFloating(tenant, 5, 1);
  const unassigned = await tenant.addUser();
  const outsider = await stranger.addUser();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  await expect(acquireLease({ userId: outsider.id, licenseId: license.id, holder: { browserSessionId: "x" } })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(acquireLease({ userId: unassigned.id, licenseId: license.id, holder: { browserSessionId: "y" } })).rejects.toMatchObject({
    code: "FORBIDDEN",
    details: { reason: "NOT_ASSIGNED" },
  });
  await expect(acquireLease({ userId: unassigned.id, licenseId: named.id, holder: { browserSessionId: "z" } })).rejects.toMatchObject({
    code: "INVALID",
    details: { reason: "NOT_FLOATING" },
  });
  await expect(
    acquireLease({ userId: unassigned.id, licenseId: "00000000-0000-0000-0000-000000000000", holder: { browserSessionId: "z" } }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await db().floatingLease.count({ where: { licenseId: license.id } })).toBe(0);
});
