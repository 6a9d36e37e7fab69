import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { activateLicense } from "@/lib/activations/activate-license";
import { MAX_CHANGES_PER_SAVE, TOO_MANY_CHANGES } from "@/lib/assignments/change-set-limits";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { db } from "@/lib/db/client";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const missingId = "00000000-0000-0000-0000-000000000000";

async function groupVersion(tenant: TestTenant): Promise<number> {
  return (await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } })).version;
}

/** Everything a refused save must leave untouched. */
async function snapshot(tenant: TestTenant) {
  return {
    version: await groupVersion(tenant),
    assignments: await db().assignment.findMany({ where: { license: { groupId: tenant.group.id } }, orderBy: { id: "asc" } }),
    auditEvents: await db().auditEvent.count({ where: { companyId: tenant.company.id } }),
  };
}

test("R16: assigning commits every change, bumps the version and writes one audit event per change", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 1);
  const [jan, zoe] = [await tenant.addUser(), await tenant.addInvitedUser()];

  const result = await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [
      { licenseId: named.id, userId: jan.id, assigned: true },
      { licenseId: named.id, userId: zoe.id, assigned: true },
      { licenseId: floating.id, userId: jan.id, assigned: true },
      { licenseId: floating.id, userId: zoe.id, assigned: true },
    ],
  });
  expect(result).toEqual({ version: 1, granted: 4, revoked: 0, unchanged: 0 });
  expect(await db().assignment.count({ where: { licenseId: named.id, revokedAt: null, assignedById: tenant.admin.id } })).toBe(2);
  // Floating licenses authorise any number of people; seats are counted per lease (R2).
  expect(await db().assignment.count({ where: { licenseId: floating.id, revokedAt: null } })).toBe(2);
  expect(
    await db().auditEvent.count({ where: { companyId: tenant.company.id, action: "assignment.granted", actorId: tenant.admin.id } }),
  ).toBe(4);
});

test("R26: a save based on a stale version is refused with CONFLICT and changes nothing", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const [first, second] = [await tenant.addUser(), await tenant.addUser()];
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [{ licenseId: named.id, userId: first.id, assigned: true }],
  });
  const before = await snapshot(tenant);

  const stale = saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [{ licenseId: named.id, userId: second.id, assigned: true }],
  });
  await expect(stale).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "STALE_VERSION", currentVersion: 1 } });
  expect(await snapshot(tenant)).toEqual(before);
});

test("R25: more named assignments than seats are refused with SEATS_EXHAUSTED naming the license, and nothing changes", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 2);
  const users = [await tenant.addUser(), await tenant.addUser(), await tenant.addUser()];
  const before = await snapshot(tenant);

  const overfull = saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: users.map((user) => ({ licenseId: named.id, userId: user.id, assigned: true })),
  });
  await expect(overfull).rejects.toMatchObject({
    code: "SEATS_EXHAUSTED",
    message: expect.stringContaining("PROFIS Engineering"),
    details: { licenseId: named.id, seats: 2, assigned: 0, requested: 3 },
  });
  expect(await snapshot(tenant)).toEqual(before);
});

test("R3: a node-locked license is one person's key, so it is assigned at most once", async () => {
  const tenant = await createTestTenant();
  const nodeLocked = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const [first, second] = [await tenant.addUser(), await tenant.addUser()];
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [{ licenseId: nodeLocked.id, userId: first.id, assigned: true }],
  });
  await expect(
    saveAssignments({
      actor: tenant.admin,
      groupId: tenant.group.id,
      expectedVersion: 1,
      changes: [{ licenseId: nodeLocked.id, userId: second.id, assigned: true }],
    }),
  ).rejects.toMatchObject({ code: "SEATS_EXHAUSTED" });
});

test("R18: revocation keeps the history, frees the seat in the same save, and ends the user's activations and leases", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 1);
  const nodeLocked = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 1);
  const [leaving, arriving] = [await tenant.addUser(), await tenant.addUser()];
  const grant = (licenseId: string, userId: string, assigned = true) => ({ licenseId, userId, assigned });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [grant(named.id, leaving.id), grant(nodeLocked.id, leaving.id), grant(floating.id, leaving.id)],
  });
  await activateLicense({ actor: leaving, activationKey: nodeLocked.activationKey!, fingerprint: "fp-leaving", hostname: "PC-LEAVING" });
  await acquireLease({ userId: leaving.id, licenseId: floating.id, holder: { browserSessionId: "session-leaving" } });

  // The full named seat and the node-locked key move to another person in one save.
  const result = await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 1,
    changes: [
      grant(named.id, leaving.id, false),
      grant(named.id, arriving.id),
      grant(nodeLocked.id, leaving.id, false),
      grant(nodeLocked.id, arriving.id),
      grant(floating.id, leaving.id, false),
    ],
  });
  expect(result).toMatchObject({ version: 2, granted: 2, revoked: 3 });

  const history = await db().assignment.findMany({ where: { licenseId: named.id }, orderBy: { assignedAt: "asc" } });
  expect(history).toHaveLength(2);
  expect(history.find((row) => row.userId === leaving.id)).toMatchObject({ revokedById: tenant.admin.id, revokedAt: expect.any(Date) });
  expect(history.find((row) => row.userId === arriving.id)).toMatchObject({ revokedAt: null });
  expect(await db().activation.count({ where: { userId: leaving.id, deactivatedAt: null } })).toBe(0);
  expect(await db().floatingLease.count({ where: { userId: leaving.id, releasedAt: null } })).toBe(0);
  const actions = await db().auditEvent.groupBy({
    by: ["action"],
    where: { companyId: tenant.company.id, subjectUserId: leaving.id },
    _count: { _all: true },
  });
  expect(Object.fromEntries(actions.map((row) => [row.action, row._count._all]))).toMatchObject({
    "assignment.revoked": 3,
    "activation.deactivated": 1,
    "lease.released": 1,
  });
  // The key now activates for the new assignee.
  await expect(
    activateLicense({ actor: arriving, activationKey: nodeLocked.activationKey!, fingerprint: "fp-arriving", hostname: "PC-ARRIVING" }),
  ).resolves.toMatchObject({ isNew: true });
});

test("changes that are already in place are counted as unchanged", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 1);
  const user = await tenant.addUser();
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [{ licenseId: named.id, userId: user.id, assigned: true }],
  });
  const other = await tenant.addUser();
  const result = await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 1,
    changes: [
      { licenseId: named.id, userId: user.id, assigned: true },
      { licenseId: named.id, userId: other.id, assigned: false },
    ],
  });
  expect(result).toEqual({ version: 2, granted: 0, revoked: 0, unchanged: 2 });
});

test("R28: a foreign company's group, license or user gets NOT_FOUND, like a missing one, and nothing changes", async () => {
  const own = await createTestTenant();
  const foreign = await createTestTenant();
  const ownLicense = await own.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const ownUser = await own.addUser();
  const foreignLicense = await foreign.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const foreignUser = await foreign.addUser();
  const before = [await snapshot(own), await snapshot(foreign)];
  const save = (groupId: string, licenseId: string, userId: string) =>
    saveAssignments({ actor: own.admin, groupId, expectedVersion: 0, changes: [{ licenseId, userId, assigned: true }] });

  await expect(save(foreign.group.id, foreignLicense.id, foreignUser.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(save(own.group.id, foreignLicense.id, ownUser.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(save(own.group.id, ownLicense.id, foreignUser.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(save(missingId, ownLicense.id, ownUser.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(save(own.group.id, missingId, ownUser.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(save(own.group.id, ownLicense.id, missingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(save(own.group.id, ownLicense.id, "not-an-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect([await snapshot(own), await snapshot(foreign)]).toEqual(before);
});

test("R28: an admin of company A cannot act in company B even with B's own ids; a plain user of B is forbidden", async () => {
  const companyA = await createTestTenant();
  const companyB = await createTestTenant();
  const license = await companyB.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const user = await companyB.addUser();
  const plainUser = await companyB.addUser("USER");
  const before = await snapshot(companyB);
  const change = [{ licenseId: license.id, userId: user.id, assigned: true }];

  await expect(
    saveAssignments({ actor: companyA.admin, groupId: companyB.group.id, expectedVersion: 0, changes: change }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(
    saveAssignments({ actor: plainUser, groupId: companyB.group.id, expectedVersion: 0, changes: change }),
  ).rejects.toMatchObject({ code: "FORBIDDEN" });
  expect(await snapshot(companyB)).toEqual(before);
});

test("malformed change sets are refused before anything is read", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const user = await tenant.addUser();
  const change = { licenseId: named.id, userId: user.id, assigned: true };
  await expect(saveAssignments({ actor: tenant.admin, groupId: tenant.group.id, expectedVersion: 0, changes: [] })).rejects.toMatchObject({
    code: "INVALID",
  });
  await expect(
    saveAssignments({
      actor: tenant.admin,
      groupId: tenant.group.id,
      expectedVersion: 0,
      changes: [change, { ...change, assigned: false }],
    }),
  ).rejects.toMatchObject({ code: "INVALID" });
  await expect(
    saveAssignments({ actor: tenant.admin, groupId: tenant.group.id, expectedVersion: -1, changes: [change] }),
  ).rejects.toMatchObject({ code: "INVALID" });
});

test("a save of more than MAX_CHANGES_PER_SAVE changes is refused as too many, naming the field, and changes nothing", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const before = await snapshot(tenant);
  const changes = Array.from({ length: MAX_CHANGES_PER_SAVE + 1 }, () => ({ licenseId: named.id, userId: randomUUID(), assigned: true }));

  const tooMany = saveAssignments({ actor: tenant.admin, groupId: tenant.group.id, expectedVersion: 0, changes });
  await expect(tooMany).rejects.toMatchObject({ code: "INVALID", details: { fields: { changes: TOO_MANY_CHANGES } } });
  expect(await snapshot(tenant)).toEqual(before);
});
