// Decision 020: licenses of one product, edition, type and term are one column of the grid; the
// admin assigns the column and the save picks a free license of it (the user gets that license's key).
import type { License } from "@prisma/client";
import { expect, test } from "vitest";
import { getLicenseGroupGrid } from "@/lib/assignments/get-license-group-grid";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { selectAuditEvents } from "@/lib/audit/list-audit-events";
import { db } from "@/lib/db/client";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { readGroupVersion } from "./fixtures";

useTestDatabase();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

async function save(tenant: TestTenant, changes: { licenseId: string; userId: string; assigned: boolean }[]) {
  return saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: await readGroupVersion(db(), tenant.group.id),
    changes,
  });
}

/** Licenses of one product, type and term: one column (default term, created one after another). */
async function addNodeLockedLayouts(tenant: TestTenant, count: number) {
  const licenses = [];
  for (let index = 0; index < count; index++) licenses.push(await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED"));
  return licenses;
}

async function activeLicenseOf(userId: string, licenseIds: string[]): Promise<string[]> {
  const rows = await db().assignment.findMany({
    where: { userId, licenseId: { in: licenseIds }, revokedAt: null },
    select: { licenseId: true },
  });
  return rows.map((row) => row.licenseId);
}

test("three node-locked licenses of one product and term are one column of 3 seats, named by the oldest", async () => {
  const tenant = await createTestTenant();
  const layout = await addNodeLockedLayouts(tenant, 3);
  // Another term (bought a year later) and two floating pools of one kind are columns of their own.
  const later = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED", 1, { validUntil: inDays(730) });
  const pools = [
    await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2),
    await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 3),
  ];
  const user = await tenant.addUser();
  // Held through the second license of the column: the grid shows the column ticked.
  await save(tenant, [{ licenseId: layout[1]!.id, userId: user.id, assigned: true }]);

  const grid = await getLicenseGroupGrid({ actor: tenant.admin, groupId: tenant.group.id });
  const column = grid.licenses.find((license) => license.parts.some((part) => part.id === layout[0]!.id))!;
  expect(column.id).toBe(layout[0]!.id);
  expect(column.parts.map((part) => part.id).toSorted()).toEqual(layout.map((license) => license.id).toSorted());
  expect(column).toMatchObject({ seats: 3, assignedCount: 1, type: "NODE_LOCKED" });
  expect(grid.licenses.map((license) => license.id).toSorted()).toEqual([layout[0]!.id, later.id, pools[0]!.id, pools[1]!.id].toSorted());
  expect(grid.licenses.find((license) => license.id === later.id)!.parts.map((part) => part.id)).toEqual([later.id]);
  expect(grid.users.find((row) => row.id === user.id)!.assignedLicenseIds).toEqual([layout[0]!.id]);
});

test("granting a column gives each user a free license of it (own key), and a fourth grant is refused without a change", async () => {
  const tenant = await createTestTenant();
  const layout = await addNodeLockedLayouts(tenant, 3);
  const ids = layout.map((license) => license.id);
  const users = [await tenant.addUser(), await tenant.addUser(), await tenant.addUser(), await tenant.addUser()];
  const result = await save(
    tenant,
    users.slice(0, 3).map((user) => ({ licenseId: ids[0]!, userId: user.id, assigned: true })),
  );
  expect(result).toMatchObject({ granted: 3, revoked: 0, unchanged: 0 });
  const held = await Promise.all(users.slice(0, 3).map((user) => activeLicenseOf(user.id, ids)));
  expect(held.map((licenses) => licenses.length)).toEqual([1, 1, 1]);
  expect(new Set(held.flat())).toEqual(new Set(ids));
  // The audit log's license filter is the column too: the three grants, whichever license each got.
  const audited = await selectAuditEvents({
    companyId: tenant.company.id,
    filters: { licenseId: ids[1]!, action: "assignment.granted" },
    db: db(),
  });
  expect(audited.events).toHaveLength(3);
  // Granting the column again to a holder changes nothing.
  expect(await save(tenant, [{ licenseId: ids[2]!, userId: users[0]!.id, assigned: true }])).toMatchObject({ granted: 0, unchanged: 1 });

  const before = await db().assignment.count({ where: { licenseId: { in: ids } } });
  await expect(save(tenant, [{ licenseId: ids[0]!, userId: users[3]!.id, assigned: true }])).rejects.toMatchObject({
    code: "SEATS_EXHAUSTED",
    details: { licenseId: ids[0], seats: 3, assigned: 3, requested: 1 },
  });
  expect(await db().assignment.count({ where: { licenseId: { in: ids } } })).toBe(before);

  // Revoking the column ends the user's license, whichever it is; the next grant takes that one.
  const freed = held[1]![0]!;
  expect(await save(tenant, [{ licenseId: ids[0]!, userId: users[1]!.id, assigned: false }])).toMatchObject({ revoked: 1 });
  expect(await activeLicenseOf(users[1]!.id, ids)).toEqual([]);
  await save(tenant, [{ licenseId: ids[0]!, userId: users[3]!.id, assigned: true }]);
  expect(await activeLicenseOf(users[3]!.id, ids)).toEqual([freed]);
  // The license mail names the key of the license the user got (R21).
  const key = (await db().license.findUniqueOrThrow({ where: { id: freed } })).activationKey!;
  const mail = await db().emailMessage.findFirstOrThrow({ where: { userId: users[3]!.id }, orderBy: { createdAt: "desc" } });
  expect(JSON.stringify(mail.payload)).toContain(key);
});

test("one change set naming two licenses of one column for one user is refused as a duplicate", async () => {
  const tenant = await createTestTenant();
  const [first, second] = (await addNodeLockedLayouts(tenant, 2)) as [License, License];
  const user = await tenant.addUser();
  await expect(
    save(tenant, [
      { licenseId: first.id, userId: user.id, assigned: true },
      { licenseId: second.id, userId: user.id, assigned: true },
    ]),
  ).rejects.toMatchObject({ code: "INVALID" });
  expect(await activeLicenseOf(user.id, [first.id, second.id])).toEqual([]);
});

test("a grant takes a license of the column still valid before the oldest, expired one", async () => {
  const tenant = await createTestTenant();
  // Both end tomorrow (one column), an hour apart; the save runs between the two ends.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const expired = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 1, { validUntil: new Date(`${tomorrow}T10:00:00Z`) });
  const valid = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 1, { validUntil: new Date(`${tomorrow}T11:00:00Z`) });
  const user = await tenant.addUser();
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: await readGroupVersion(db(), tenant.group.id),
    changes: [{ licenseId: expired.id, userId: user.id, assigned: true }],
    clock: { now: () => new Date(`${tomorrow}T10:30:00Z`) },
  });
  expect(await activeLicenseOf(user.id, [expired.id, valid.id])).toEqual([valid.id]);
});
