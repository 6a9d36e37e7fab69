import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { ACTIVATION_KEY_PATTERN } from "@/lib/licenses/activation-key";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { createTestTenant, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("R12/R31: staff create a license group in the company's SAP account, audited", async () => {
  const tenant = await createTestTenant();
  const group = await createLicenseGroup({
    actor: tenant.staff,
    companyId: tenant.company.id,
    name: "Licentiegroep 7",
    orderReference: "4500000007",
  });
  expect(group).toMatchObject({ companyId: tenant.company.id, sapAccountNumber: tenant.company.sapAccountNumber, version: 0 });
  expect(await db().auditEvent.count({ where: { action: "license-group.created", companyId: tenant.company.id } })).toBe(2);
  await expect(createLicenseGroup({ actor: tenant.staff, companyId: tenant.company.id, name: "Licentiegroep 7" })).rejects.toMatchObject({
    code: "CONFLICT",
  });
  await expect(createLicenseGroup({ actor: tenant.admin, companyId: tenant.company.id, name: uniqueName("g") })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
});

test("R21: desktop licenses get a unique activation key, web licenses never", async () => {
  const tenant = await createTestTenant();
  const nodeLocked = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const desktopFloating = await tenant.addLicense("PROFIS_DETECTION_OFFICE", "FLOATING", 4);
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const webFloating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 3);
  expect(nodeLocked.activationKey).toMatch(ACTIVATION_KEY_PATTERN);
  expect(desktopFloating.activationKey).toMatch(ACTIVATION_KEY_PATTERN);
  expect(nodeLocked.activationKey).not.toBe(desktopFloating.activationKey);
  expect(named.activationKey).toBeNull();
  expect(webFloating.activationKey).toBeNull();
  expect(named.validUntil.getTime()).toBeGreaterThan(named.validFrom.getTime());
  expect(await db().auditEvent.count({ where: { action: "license.created", companyId: tenant.company.id } })).toBe(4);
});

test("SPEC §3: node-locked only for desktop, named user only for web, node-locked has one seat", async () => {
  const tenant = await createTestTenant();
  await expect(tenant.addLicense("PROFIS_ENGINEERING", "NODE_LOCKED")).rejects.toMatchObject({
    code: "INVALID",
    details: { fields: { type: "invalid" } },
  });
  await expect(tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NAMED_USER", 2)).rejects.toMatchObject({ code: "INVALID" });
  await expect(tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED", 2)).rejects.toMatchObject({
    code: "INVALID",
    details: { fields: { seats: "invalid" } },
  });
  await expect(tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 0)).rejects.toMatchObject({ code: "INVALID" });
  expect(await db().license.count({ where: { groupId: tenant.group.id } })).toBe(0);
});

test("only staff create licenses, in groups that exist", async () => {
  const tenant = await createTestTenant();
  await expect(
    createLicense({ actor: tenant.admin, groupId: tenant.group.id, productCode: "PROFIS_ENGINEERING", type: "NAMED_USER", seats: 99 }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(
    createLicense({
      actor: tenant.staff,
      groupId: "00000000-0000-0000-0000-000000000000",
      productCode: "PROFIS_ENGINEERING",
      type: "NAMED_USER",
    }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await db().license.count({ where: { groupId: tenant.group.id } })).toBe(0);
});
