// R31 renewals and expiry: a new end date or "end now"; an ended license stops granting access.
import { expect, test } from "vitest";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { changeLicenseValidity } from "@/lib/backoffice/change-license-validity";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;

test("extending sets the new end, clears the expiry reminder, raises the versions and is recorded for the admins", async () => {
  const tenant = await createTestTenant();
  const license = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 2);
  await db().license.update({ where: { id: license.id }, data: { expiryReminderSentAt: new Date() } });
  const groupBefore = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });
  const validUntil = new Date(license.validUntil.getTime() + 365 * DAY_MS);

  const changed = await changeLicenseValidity({
    actor: tenant.staff,
    licenseId: license.id,
    change: { kind: "set-end", validUntil },
    expectedVersion: 0,
  });
  expect(changed).toEqual({ previousValidUntil: license.validUntil, validUntil, licenseVersion: 1 });
  const after = await db().license.findUniqueOrThrow({ where: { id: license.id } });
  expect(after).toMatchObject({ validUntil, expiryReminderSentAt: null, version: 1 });
  expect((await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } })).version).toBe(groupBefore.version + 1);
  const page = await listAuditEvents({
    actor: tenant.admin,
    companyId: tenant.company.id,
    filters: { action: "license.validity-changed" },
  });
  expect(page.events).toHaveLength(1);
  expect(page.events[0]).toMatchObject({
    actor: { id: tenant.staff.id },
    license: { id: license.id },
    data: { validUntil: validUntil.toISOString() },
  });
});

test("a new end date in the past is refused and changes nothing", async () => {
  const tenant = await createTestTenant();
  const { id } = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 2);
  const license = await db().license.findUniqueOrThrow({ where: { id } });
  await expect(
    changeLicenseValidity({ actor: tenant.staff, licenseId: id, change: { kind: "set-end", validUntil: new Date(Date.now() - DAY_MS) } }),
  ).rejects.toMatchObject({
    code: "INVALID",
    details: { reason: "END_IN_PAST" },
  });
  expect(await db().license.findUniqueOrThrow({ where: { id } })).toEqual(license);
  // A future end that is not after the start is refused as well.
  await db().license.update({
    where: { id },
    data: { validFrom: new Date(Date.now() + 30 * DAY_MS), validUntil: new Date(Date.now() + 60 * DAY_MS) },
  });
  const notStarted = await db().license.findUniqueOrThrow({ where: { id } });
  await expect(
    changeLicenseValidity({
      actor: tenant.staff,
      licenseId: id,
      change: { kind: "set-end", validUntil: new Date(Date.now() + 10 * DAY_MS) },
    }),
  ).rejects.toMatchObject({
    code: "INVALID",
    details: { reason: "END_IN_PAST" },
  });
  expect(await db().license.findUniqueOrThrow({ where: { id } })).toEqual(notStarted);
  expect(await db().auditEvent.count({ where: { licenseId: id, action: "license.validity-changed" } })).toBe(0);
});

test("ending now gives back the license's floating seats at once, each recorded for the company; other licenses' seats stay", async () => {
  const tenant = await createTestTenant();
  const [ending, other] = [
    await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 5),
    await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 5),
  ];
  const users = [await tenant.addUser(), await tenant.addUser()];
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [ending, other].flatMap((license) => users.map((user) => ({ licenseId: license.id, userId: user.id, assigned: true }))),
  });
  const clock = fixedClock();
  for (const [index, user] of users.entries()) {
    for (const license of [ending, other])
      await acquireLease({ userId: user.id, licenseId: license.id, holder: { browserSessionId: `tab-${index}` }, clock });
  }
  clock.advance(60_000);

  await changeLicenseValidity({ actor: tenant.staff, licenseId: ending.id, change: { kind: "end-now" }, clock });
  const leases = await db().floatingLease.findMany({
    where: { licenseId: { in: [ending.id, other.id] } },
    select: { licenseId: true, releasedAt: true, releaseReason: true },
  });
  expect(leases.filter((lease) => lease.licenseId === ending.id)).toEqual(
    users.map(() => ({ licenseId: ending.id, releasedAt: clock.now(), releaseReason: "license ended" })),
  );
  expect(leases.filter((lease) => lease.licenseId === other.id)).toEqual(
    users.map(() => ({ licenseId: other.id, releasedAt: null, releaseReason: null })),
  );
  const released = await db().auditEvent.findMany({
    where: { licenseId: ending.id, action: "lease.released" },
    select: { actorId: true, subjectUserId: true, companyId: true, data: true },
  });
  expect(released).toHaveLength(2);
  expect(released).toEqual(
    expect.arrayContaining(
      users.map((user) => ({
        actorId: tenant.staff.id,
        subjectUserId: user.id,
        companyId: tenant.company.id,
        data: expect.objectContaining({ reason: "license ended", wasLive: true }),
      })),
    ),
  );
});

test("ending now stops access: no new floating seat, no new assignment, shown as expired; a second end is refused", async () => {
  const tenant = await createTestTenant();
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 5);
  const user = await tenant.addUser();
  const { version } = await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [{ licenseId: floating.id, userId: user.id, assigned: true }],
  });
  const clock = fixedClock();

  const ended = await changeLicenseValidity({ actor: tenant.staff, licenseId: floating.id, change: { kind: "end-now" }, clock });
  expect(ended.validUntil).toEqual(clock.now());
  clock.advance(1);
  await expect(
    acquireLease({ userId: user.id, licenseId: floating.id, holder: { browserSessionId: "after-the-end" }, clock }),
  ).rejects.toMatchObject({ code: "FORBIDDEN", details: { reason: "LICENSE_NOT_VALID" } });
  // The group version rose, so the admin's open grid reloads and shows it expired (R26).
  await expect(
    saveAssignments({
      actor: tenant.admin,
      groupId: tenant.group.id,
      expectedVersion: version,
      changes: [{ licenseId: floating.id, userId: user.id, assigned: false }],
    }),
  ).rejects.toMatchObject({ code: "CONFLICT" });
  await expect(
    changeLicenseValidity({ actor: tenant.staff, licenseId: floating.id, change: { kind: "end-now" }, clock }),
  ).rejects.toMatchObject({ code: "INVALID", details: { reason: "ALREADY_ENDED" } });
  expect(await db().auditEvent.count({ where: { licenseId: floating.id, action: "license.ended", actorId: tenant.staff.id } })).toBe(1);

  // A renewal makes it usable again.
  await changeLicenseValidity({
    actor: tenant.staff,
    licenseId: floating.id,
    change: { kind: "set-end", validUntil: new Date(clock.now().getTime() + 30 * DAY_MS) },
    clock,
  });
  await expect(
    acquireLease({ userId: user.id, licenseId: floating.id, holder: { browserSessionId: "after-renewal" }, clock }),
  ).resolves.toBeTruthy();
});
