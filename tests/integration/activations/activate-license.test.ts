import { expect, test } from "vitest";
import { activateLicense } from "@/lib/activations/activate-license";
import { deactivateActivation } from "@/lib/activations/deactivate-activation";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/transactions/unique-violation";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

async function assign(tenant: TestTenant, licenseId: string, userIds: string[]): Promise<void> {
  const { version } = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: version,
    changes: userIds.map((userId) => ({ licenseId, userId, assigned: true })),
  });
}

async function nodeLockedFor(tenant: TestTenant) {
  const license = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const user = await tenant.addUser();
  await assign(tenant, license.id, [user.id]);
  return { license, user, key: license.activationKey! };
}

test("R3/R22: the assigned user activates the key on a device; the same machine again gets the same activation", async () => {
  const tenant = await createTestTenant();
  const { license, user, key } = await nodeLockedFor(tenant);
  const first = await activateLicense({
    actor: user,
    activationKey: key.toLowerCase().replace(/-/g, " "),
    fingerprint: "fp-1",
    hostname: "NL-LT-01",
  });
  expect(first).toMatchObject({
    isNew: true,
    device: { userId: user.id, fingerprint: "fp-1", hostname: "NL-LT-01" },
    activation: { licenseId: license.id, licenseType: "NODE_LOCKED" },
  });
  const again = await activateLicense({ actor: user, activationKey: key, fingerprint: "fp-1", hostname: "NL-LT-01-RENAMED" });
  expect(again).toMatchObject({
    isNew: false,
    activation: { id: first.activation.id },
    device: { id: first.device.id, hostname: "NL-LT-01-RENAMED" },
  });
  expect(await db().auditEvent.count({ where: { action: "activation.created", licenseId: license.id } })).toBe(1);
});

test("R3/R4: a node-locked key active on one machine is refused on another with CONFLICT naming that machine", async () => {
  const tenant = await createTestTenant();
  const { license, user, key } = await nodeLockedFor(tenant);
  await activateLicense({ actor: user, activationKey: key, fingerprint: "fp-office", hostname: "NL-WS-OFFICE" });
  await expect(activateLicense({ actor: user, activationKey: key, fingerprint: "fp-home", hostname: "NL-LT-HOME" })).rejects.toMatchObject({
    code: "CONFLICT",
    message: expect.stringContaining("NL-WS-OFFICE"),
    details: { reason: "ACTIVATION_LIMIT", hostname: "NL-WS-OFFICE" },
  });
  expect(await db().activation.count({ where: { licenseId: license.id } })).toBe(1);
});

test("R4: after the user removes the key from the first machine, the second machine can be activated", async () => {
  const tenant = await createTestTenant();
  const { user, key } = await nodeLockedFor(tenant);
  const office = await activateLicense({ actor: user, activationKey: key, fingerprint: "fp-a", hostname: "PC-A" });
  const removed = await deactivateActivation({ actor: user, activationId: office.activation.id, reason: "moving to a new laptop" });
  expect(removed).toMatchObject({
    wasActive: true,
    activation: { deactivatedById: user.id, deactivationReason: "moving to a new laptop" },
  });
  await expect(activateLicense({ actor: user, activationKey: key, fingerprint: "fp-b", hostname: "PC-B" })).resolves.toMatchObject({
    isNew: true,
  });
  // Deactivating twice changes nothing the second time.
  expect(await deactivateActivation({ actor: user, activationId: office.activation.id, reason: "again" })).toMatchObject({
    wasActive: false,
  });
  expect(await db().auditEvent.count({ where: { action: "activation.deactivated", subjectUserId: user.id } })).toBe(1);
});

test("an unknown key is not found; a key of a license not assigned to the user is forbidden", async () => {
  const tenant = await createTestTenant();
  const { key } = await nodeLockedFor(tenant);
  const colleague = await tenant.addUser();
  await expect(
    activateLicense({ actor: colleague, activationKey: "00000-00000-00000-00000-00000", fingerprint: "fp", hostname: "PC" }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(activateLicense({ actor: colleague, activationKey: "not a key", fingerprint: "fp", hostname: "PC" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(activateLicense({ actor: colleague, activationKey: key, fingerprint: "fp", hostname: "PC" })).rejects.toMatchObject({
    code: "FORBIDDEN",
    details: { reason: "NOT_ASSIGNED" },
  });
  expect(await db().device.count({ where: { userId: colleague.id } })).toBe(0);
});

test("R5: a floating desktop license is activated once on every computer that will use it", async () => {
  const tenant = await createTestTenant();
  const floating = await tenant.addLicense("PROFIS_DETECTION_OFFICE", "FLOATING", 1);
  const [first, second] = [await tenant.addUser(), await tenant.addUser()];
  await assign(tenant, floating.id, [first.id, second.id]);
  await activateLicense({ actor: first, activationKey: floating.activationKey!, fingerprint: "fp-1", hostname: "PC-1" });
  await activateLicense({ actor: second, activationKey: floating.activationKey!, fingerprint: "fp-2", hostname: "PC-2" });
  await activateLicense({ actor: second, activationKey: floating.activationKey!, fingerprint: "fp-3", hostname: "PC-3" });
  expect(await db().activation.count({ where: { licenseId: floating.id, deactivatedAt: null } })).toBe(3);
});

test("R25: 20 concurrent activations of one node-locked key on different machines leave exactly one active", async () => {
  const tenant = await createTestTenant();
  const { license, user, key } = await nodeLockedFor(tenant);
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, (_, index) =>
      activateLicense({ actor: user, activationKey: key, fingerprint: `fp-${index}`, hostname: `PC-${index}` }),
    ),
  );
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  for (const result of results) if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONFLICT" });
  expect(await db().activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(1);
}, 30_000);

test("R3: the partial unique index refuses a second active node-locked activation written past the domain, and is recognised by name", async () => {
  const tenant = await createTestTenant();
  const { license, user, key } = await nodeLockedFor(tenant);
  const { device } = await activateLicense({ actor: user, activationKey: key, fingerprint: "fp-1", hostname: "PC-1" });
  const otherDevice = await db().device.create({ data: { userId: user.id, fingerprint: "fp-raw", hostname: "RAW" } });
  const error = await db()
    .activation.create({ data: { licenseId: license.id, licenseType: "NODE_LOCKED", deviceId: otherDevice.id, userId: user.id } })
    .catch((caught: unknown) => caught);
  expect(isUniqueViolation(error, "activation_node_locked_unique")).toBe(true);
  expect(isUniqueViolation(error, "activation_device_unique")).toBe(false);
  expect(device.id).not.toBe(otherDevice.id);
});

test("R4/R28: an admin deactivates a lost device of their company with a reason, releasing its seat; another company's admin gets NOT_FOUND", async () => {
  const tenant = await createTestTenant();
  const other = await createTestTenant();
  const floating = await tenant.addLicense("PROFIS_DETECTION_OFFICE", "FLOATING", 2);
  const user = await tenant.addUser();
  await assign(tenant, floating.id, [user.id]);
  const { activation, device } = await activateLicense({
    actor: user,
    activationKey: floating.activationKey!,
    fingerprint: "fp-lost",
    hostname: "LOST-LAPTOP",
  });
  await acquireLease({ userId: user.id, licenseId: floating.id, holder: { deviceId: device.id } });

  await expect(deactivateActivation({ actor: other.admin, activationId: activation.id, reason: "not mine" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  const colleague = await tenant.addUser();
  await expect(deactivateActivation({ actor: colleague, activationId: activation.id, reason: "prank" })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  await expect(deactivateActivation({ actor: tenant.admin, activationId: activation.id, reason: " " })).rejects.toMatchObject({
    code: "INVALID",
  });
  expect(await db().activation.count({ where: { id: activation.id, deactivatedAt: null } })).toBe(1);

  await deactivateActivation({ actor: tenant.admin, activationId: activation.id, reason: "laptop stolen" });
  expect(await db().floatingLease.count({ where: { deviceId: device.id, releasedAt: null } })).toBe(0);
  const events = await db().auditEvent.findMany({
    where: { companyId: tenant.company.id, actorId: tenant.admin.id, action: { in: ["activation.deactivated", "lease.released"] } },
  });
  expect(events.map((event) => event.action).sort()).toEqual(["activation.deactivated", "lease.released"]);
});
