// R23: My software lists the licenses the user may use in the current company: usable ones first,
// expired ones marked (no Open), desktop ones with their activation key; never revoked ones or
// another company's.
import { expect, test } from "vitest";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { listMySoftware } from "@/lib/assignments/list-my-software";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { createLicense } from "@/lib/licenses/create-license";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { signedIn } from "../launch/launch-kit";

useTestDatabase();

const DAY = 24 * 60 * 60 * 1000;

test("R23: usable licenses first, expired ones marked; desktop licenses carry their key; revoked and not yet started ones are left out", async () => {
  const tenant = await createTestTenant();
  const user = await tenant.addUser();
  const now = new Date();
  const web = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 3);
  const desktop = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const expired = await createLicense({
    actor: tenant.staff,
    groupId: tenant.group.id,
    productCode: "PROFIS_DETECTION_OFFICE",
    type: "FLOATING",
    seats: 2,
    validFrom: new Date(now.getTime() - 400 * DAY),
    validUntil: new Date(now.getTime() - DAY),
  });
  const upcoming = await createLicense({
    actor: tenant.staff,
    groupId: tenant.group.id,
    productCode: "PROFIS_ENGINEERING",
    type: "NAMED_USER",
    validFrom: new Date(now.getTime() + DAY),
  });
  const revoked = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER");
  const assign = async (licenseIds: string[], assigned = true) => {
    const { version } = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });
    await saveAssignments({
      actor: tenant.admin,
      groupId: tenant.group.id,
      expectedVersion: version,
      changes: licenseIds.map((licenseId) => ({ licenseId, userId: user.id, assigned })),
    });
  };
  await assign([expired.id, web.id, desktop.id, upcoming.id, revoked.id]);
  await assign([revoked.id], false);

  const items = await listMySoftware({
    actor: await signedIn(user),
    companyId: tenant.company.id,
    clock: fixedClock(new Date(now.getTime() + 60_000)),
  });
  expect(items.map((item) => [item.licenseId, item.isExpired])).toEqual([
    [web.id, false],
    [desktop.id, false],
    [expired.id, true],
  ]);
  expect(items[0]).toMatchObject({ product: { code: "PROFIS_ENGINEERING", kind: "WEB" }, type: "FLOATING", seats: 3, activationKey: null });
  expect(items[1]).toMatchObject({ product: { kind: "DESKTOP", downloadUrl: expect.any(String) }, activationKey: desktop.activationKey });
  expect(items[2]).toMatchObject({ activationKey: null });
});

test("R28: only the current company's licenses; a company the user is not a contact of is NOT_FOUND", async () => {
  const first = await createTestTenant();
  const second = await createTestTenant();
  const user = await first.addUser();
  await addCompanyMember({ actor: second.admin, companyId: second.company.id, email: user.email });
  const license = await second.addLicense("PROFIS_ENGINEERING", "NAMED_USER");
  await saveAssignments({
    actor: second.admin,
    groupId: second.group.id,
    expectedVersion: 0,
    changes: [{ licenseId: license.id, userId: user.id, assigned: true }],
  });

  const actor = await signedIn(user);
  expect(await listMySoftware({ actor, companyId: first.company.id })).toEqual([]);
  expect((await listMySoftware({ actor, companyId: second.company.id })).map((item) => item.licenseId)).toEqual([license.id]);
  const stranger = await signedIn(await first.addUser());
  await expect(listMySoftware({ actor: stranger, companyId: second.company.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
});
