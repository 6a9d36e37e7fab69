// R31 + R25: the back office changes seats; below the usage only with chosen unassignments, and
// then in one transaction with the revocations, their end of access and the audit events.
import { expect, test } from "vitest";
import { activateLicense } from "@/lib/activations/activate-license";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { changeLicenseSeats } from "@/lib/backoffice/change-license-seats";
import { getBackofficeLicense } from "@/lib/backoffice/get-backoffice-license";
import { getCompanyOverview } from "@/lib/backoffice/get-company-overview";
import { db } from "@/lib/db/client";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

async function assign(tenant: TestTenant, licenseId: string, userIds: string[]) {
  const { version } = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: version,
    changes: userIds.map((userId) => ({ licenseId, userId, assigned: true })),
  });
}

/** Everything a refused change must leave untouched. */
async function snapshot(tenant: TestTenant, licenseId: string) {
  return {
    license: await db().license.findUniqueOrThrow({ where: { id: licenseId } }),
    group: await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } }),
    assignments: await db().assignment.findMany({ where: { licenseId }, orderBy: { id: "asc" } }),
    leases: await db().floatingLease.findMany({ where: { licenseId }, orderBy: { id: "asc" } }),
    auditEvents: await db().auditEvent.count({ where: { companyId: tenant.company.id } }),
  };
}

test("more seats are always possible; the group version rises so open grids notice (R26)", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 2);
  await assign(tenant, named.id, [(await tenant.addUser()).id, (await tenant.addUser()).id]);
  const groupBefore = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });

  const changed = await changeLicenseSeats({ actor: tenant.staff, licenseId: named.id, seats: 5, expectedVersion: 0 });
  expect(changed).toMatchObject({ seatsBefore: 2, seats: 5, unassigned: 0, licenseVersion: 1, groupVersion: groupBefore.version + 1 });
  expect((await db().license.findUniqueOrThrow({ where: { id: named.id } })).seats).toBe(5);
  const events = await db().auditEvent.findMany({ where: { licenseId: named.id, action: "license.seats-changed" } });
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    actorId: tenant.staff.id,
    companyId: tenant.company.id,
    data: { seatsBefore: 2, seats: 5, unassigned: 0 },
  });
});

test("R25: a reduction below the assigned seats without unassignments is refused and changes nothing", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 3);
  await assign(tenant, named.id, [(await tenant.addUser()).id, (await tenant.addUser()).id, (await tenant.addUser()).id]);
  const before = await snapshot(tenant, named.id);

  await expect(changeLicenseSeats({ actor: tenant.staff, licenseId: named.id, seats: 1 })).rejects.toMatchObject({
    code: "SEATS_EXHAUSTED",
    details: { reason: "SEATS_IN_USE", seats: 1, inUse: 3, inUseAfter: 3, toUnassign: 2 },
  });
  // One unassignment is not enough for 1 seat either.
  const [first] = before.assignments;
  await expect(
    changeLicenseSeats({ actor: tenant.staff, licenseId: named.id, seats: 1, unassignUserIds: [first!.userId] }),
  ).rejects.toMatchObject({ code: "SEATS_EXHAUSTED", details: { toUnassign: 1 } });
  expect(await snapshot(tenant, named.id)).toEqual(before);
});

test("R25, R18: a reduction with the chosen unassignments revokes them, ends their access and records it all", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 3);
  const [keep, leaveOne, leaveTwo] = [await tenant.addUser(), await tenant.addUser(), await tenant.addUser()];
  await assign(tenant, named.id, [keep.id, leaveOne.id, leaveTwo.id]);
  const groupBefore = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });

  const changed = await changeLicenseSeats({
    actor: tenant.staff,
    licenseId: named.id,
    seats: 1,
    unassignUserIds: [leaveOne.id, leaveTwo.id],
    expectedVersion: 0,
  });
  expect(changed).toMatchObject({ seatsBefore: 3, seats: 1, unassigned: 2, groupVersion: groupBefore.version + 1 });
  const active = await db().assignment.findMany({ where: { licenseId: named.id, revokedAt: null } });
  expect(active.map((assignment) => assignment.userId)).toEqual([keep.id]);
  const revoked = await db().assignment.findMany({ where: { licenseId: named.id, revokedAt: { not: null } } });
  expect(revoked.every((assignment) => assignment.revokedById === tenant.staff.id)).toBe(true);

  // The company's admins see what the back office did on their audit page (R24).
  const page = await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id });
  const actions = page.events.filter((event) => event.license?.id === named.id).map((event) => event.action);
  expect(actions.filter((action) => action === "assignment.revoked")).toHaveLength(2);
  expect(actions).toContain("license.seats-changed");
  // The grid's next save based on the old version is refused (R26).
  await expect(
    saveAssignments({
      actor: tenant.admin,
      groupId: tenant.group.id,
      expectedVersion: groupBefore.version,
      changes: [{ licenseId: named.id, userId: leaveOne.id, assigned: true }],
    }),
  ).rejects.toMatchObject({ code: "CONFLICT" });
  // …and a current one cannot exceed the new count.
  await expect(
    saveAssignments({
      actor: tenant.admin,
      groupId: tenant.group.id,
      expectedVersion: changed.groupVersion,
      changes: [{ licenseId: named.id, userId: leaveOne.id, assigned: true }],
    }),
  ).rejects.toMatchObject({ code: "SEATS_EXHAUSTED" });
});

test("R25: a floating license counts live leases; unassigning a holder releases the seat in the same change", async () => {
  const tenant = await createTestTenant();
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 3);
  const [one, two, three, idle] = [await tenant.addUser(), await tenant.addUser(), await tenant.addUser(), await tenant.addUser()];
  await assign(tenant, floating.id, [one.id, two.id, three.id, idle.id]);
  for (const user of [one, two, three])
    await acquireLease({ userId: user.id, licenseId: floating.id, holder: { browserSessionId: `session-${user.id}` } });
  const before = await snapshot(tenant, floating.id);

  // Unassigning someone without a live lease frees nothing.
  await expect(
    changeLicenseSeats({ actor: tenant.staff, licenseId: floating.id, seats: 2, unassignUserIds: [idle.id] }),
  ).rejects.toMatchObject({ code: "SEATS_EXHAUSTED", details: { inUse: 3, inUseAfter: 3 } });
  expect(await snapshot(tenant, floating.id)).toEqual(before);

  await changeLicenseSeats({ actor: tenant.staff, licenseId: floating.id, seats: 2, unassignUserIds: [three.id] });
  expect(await db().floatingLease.count({ where: { licenseId: floating.id, releasedAt: null } })).toBe(2);
  expect(await db().floatingLease.findFirst({ where: { licenseId: floating.id, userId: three.id } })).toMatchObject({
    releaseReason: "license revoked",
  });
  expect(await db().auditEvent.count({ where: { licenseId: floating.id, action: "lease.released", subjectUserId: three.id } })).toBe(1);
  // The freed seat is not there to take: 2 of 2 are in use.
  await expect(
    acquireLease({ userId: idle.id, licenseId: floating.id, holder: { browserSessionId: "session-idle" } }),
  ).rejects.toMatchObject({ code: "SEATS_EXHAUSTED" });
});

test("R3: a node-locked license stays at one seat; unassigning its holder ends the activation", async () => {
  const tenant = await createTestTenant();
  const nodeLocked = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED", 1);
  const holder = await tenant.addUser();
  await assign(tenant, nodeLocked.id, [holder.id]);
  await activateLicense({ actor: holder, activationKey: nodeLocked.activationKey!, fingerprint: "fp-holder", hostname: "PC-HOLDER" });

  await expect(changeLicenseSeats({ actor: tenant.staff, licenseId: nodeLocked.id, seats: 2 })).rejects.toMatchObject({
    code: "INVALID",
    details: { reason: "NODE_LOCKED_SINGLE_SEAT" },
  });
  await changeLicenseSeats({ actor: tenant.staff, licenseId: nodeLocked.id, seats: 1, unassignUserIds: [holder.id] });
  expect(await db().activation.count({ where: { licenseId: nodeLocked.id, deactivatedAt: null } })).toBe(0);
  expect((await db().license.findUniqueOrThrow({ where: { id: nodeLocked.id } })).seats).toBe(1);
});

test("a stale license version, a person who does not hold the license and a foreign id are refused", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 2);
  const stranger = await tenant.addUser();
  await changeLicenseSeats({ actor: tenant.staff, licenseId: named.id, seats: 3, expectedVersion: 0 });

  await expect(changeLicenseSeats({ actor: tenant.staff, licenseId: named.id, seats: 4, expectedVersion: 0 })).rejects.toMatchObject({
    code: "CONFLICT",
    details: { reason: "STALE_VERSION", currentVersion: 1 },
  });
  await expect(
    changeLicenseSeats({ actor: tenant.staff, licenseId: named.id, seats: 1, unassignUserIds: [stranger.id] }),
  ).rejects.toMatchObject({ code: "INVALID", details: { reason: "NOT_ASSIGNED" } });
  await expect(
    changeLicenseSeats({ actor: tenant.staff, licenseId: "00000000-0000-0000-0000-000000000000", seats: 1 }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(changeLicenseSeats({ actor: tenant.staff, licenseId: named.id, seats: 0 })).rejects.toMatchObject({ code: "INVALID" });
  expect((await db().license.findUniqueOrThrow({ where: { id: named.id } })).seats).toBe(3);
});

test("seats used as the back office shows them: assignments for named and node-locked, live leases for floating", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 3);
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 3);
  const nodeLocked = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED", 1);
  const [one, two] = [await tenant.addUser(), await tenant.addUser()];
  await assign(tenant, named.id, [one.id, two.id]);
  await assign(tenant, floating.id, [one.id, two.id]);
  await assign(tenant, nodeLocked.id, [one.id]);
  await acquireLease({ userId: one.id, licenseId: floating.id, holder: { browserSessionId: `session-${one.id}` } });

  // The node-locked license is assigned but not activated: the back office still counts it used.
  const expected = { [named.id]: 2, [floating.id]: 1, [nodeLocked.id]: 1 };
  const overview = await getCompanyOverview({ actor: tenant.staff, companyId: tenant.company.id });
  const shown = Object.fromEntries(overview.groups.flatMap((group) => group.licenses).map((license) => [license.id, license.seatsUsed]));
  expect(shown).toEqual(expected);
  for (const [licenseId, seatsUsed] of Object.entries(expected)) {
    await expect(getBackofficeLicense({ actor: tenant.staff, companyId: tenant.company.id, licenseId })).resolves.toMatchObject({
      seatsUsed,
    });
  }
  expect(overview.groups.flatMap((group) => group.licenses).find((license) => license.id === floating.id)).toMatchObject({
    assigned: 2,
    seatsUsed: 1,
  });
});
