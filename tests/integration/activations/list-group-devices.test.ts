// R4: the devices of a group's node-locked licenses, under the user list; an admin deactivates a
// lost one with a reason, and it leaves the list (audited, R24). R28 on both.
import { expect, test } from "vitest";
import { activateLicense } from "@/lib/activations/activate-license";
import { deactivateActivation } from "@/lib/activations/deactivate-activation";
import { listGroupDevices } from "@/lib/activations/list-group-devices";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { db } from "@/lib/db/client";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

async function assign(tenant: TestTenant, licenseId: string, userId: string): Promise<void> {
  const { version } = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: version,
    changes: [{ licenseId, userId, assigned: true }],
  });
}

test("R4: active node-locked activations of the group are listed with device, user, license and times; floating ones are not", async () => {
  const tenant = await createTestTenant();
  const nodeLocked = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const floating = await tenant.addLicense("PROFIS_DETECTION_OFFICE", "FLOATING", 3);
  const user = await tenant.addUser();
  await assign(tenant, nodeLocked.id, user.id);
  await assign(tenant, floating.id, user.id);
  const { activation } = await activateLicense({
    actor: user,
    activationKey: nodeLocked.activationKey!,
    fingerprint: "fp-1",
    hostname: "PC-TEKENKAMER",
  });
  await activateLicense({ actor: user, activationKey: floating.activationKey!, fingerprint: "fp-1", hostname: "PC-TEKENKAMER" });

  const devices = await listGroupDevices({ actor: tenant.admin, groupId: tenant.group.id });
  expect(devices).toEqual([
    {
      activationId: activation.id,
      hostname: "PC-TEKENKAMER",
      userId: user.id,
      userName: "Test Person",
      userEmail: user.email,
      productName: "PROFIS Layout Office",
      licenseId: nodeLocked.id,
      activatedAt: activation.activatedAt.toISOString(),
      lastSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    },
  ]);

  await deactivateActivation({ actor: tenant.admin, activationId: activation.id, reason: "laptop lost on the train" });
  expect(await listGroupDevices({ actor: tenant.admin, groupId: tenant.group.id })).toEqual([]);
  const event = await db().auditEvent.findFirstOrThrow({
    where: { companyId: tenant.company.id, action: "activation.deactivated", licenseId: nodeLocked.id },
  });
  expect(event).toMatchObject({
    actorId: tenant.admin.id,
    subjectUserId: user.id,
    data: { activationId: activation.id, reason: "laptop lost on the train" },
  });
});

test("R28: another company's admin gets NOT_FOUND for the group's devices and for deactivating one; a plain user is forbidden", async () => {
  const a = await createTestTenant();
  const b = await createTestTenant();
  const nodeLocked = await a.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const user = await a.addUser();
  await assign(a, nodeLocked.id, user.id);
  const { activation } = await activateLicense({
    actor: user,
    activationKey: nodeLocked.activationKey!,
    fingerprint: "fp-a",
    hostname: "PC-A",
  });

  await expect(listGroupDevices({ actor: b.admin, groupId: a.group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(listGroupDevices({ actor: a.admin, groupId: "00000000-0000-0000-0000-000000000000" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(listGroupDevices({ actor: a.admin, groupId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(listGroupDevices({ actor: user, groupId: a.group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(deactivateActivation({ actor: b.admin, activationId: activation.id, reason: "not mine" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  expect(await listGroupDevices({ actor: b.admin, groupId: b.group.id })).toEqual([]);
  expect(await listGroupDevices({ actor: a.admin, groupId: a.group.id })).toHaveLength(1);
});
