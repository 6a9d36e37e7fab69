// The overview (decision 020): the licenses as the grid's columns, each with its seat
// figures by meaning — assigned, activated computers, in use now — equal to the grid's.
import { expect, test } from "vitest";
import { activateLicense } from "@/lib/activations/activate-license";
import { getLicenseGroupGridHead } from "@/lib/assignments/get-license-group-grid";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { listLicenseGroups } from "@/lib/licenses/list-license-groups";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("the overview shows the grid's columns with assigned, activated and in-use-now counts, the same values as the grid", async () => {
  const tenant = await createTestTenant();
  const layout = [
    await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED"),
    await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED"),
    await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED"),
  ];
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 3);
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const [ann, bob] = [await tenant.addUser(), await tenant.addUser()];
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [
      { licenseId: layout[0]!.id, userId: ann.id, assigned: true },
      { licenseId: layout[0]!.id, userId: bob.id, assigned: true },
      { licenseId: floating.id, userId: ann.id, assigned: true },
      { licenseId: floating.id, userId: bob.id, assigned: true },
      { licenseId: named.id, userId: ann.id, assigned: true },
    ],
  });
  // Ann activates her node-locked key on one computer and takes one floating seat.
  const assignment = await db().assignment.findFirstOrThrow({
    where: { userId: ann.id, licenseId: { in: layout.map((license) => license.id) }, revokedAt: null },
  });
  const annsLicense = await db().license.findUniqueOrThrow({ where: { id: assignment.licenseId } });
  await activateLicense({ actor: ann, activationKey: annsLicense.activationKey!, fingerprint: "fp-ann", hostname: "PC-ANN" });
  await acquireLease({ userId: ann.id, licenseId: floating.id, holder: { browserSessionId: "session-ann" } });

  // The company's admin as the session sees them (listLicenseGroups checks the membership's role).
  const actor = { memberships: [{ id: "membership", role: "ADMIN", company: { id: tenant.company.id } as CurrentMembership["company"] }] };
  const [group] = await listLicenseGroups({ actor, companyId: tenant.company.id });
  const byType = Object.fromEntries(group!.licenses.map((license) => [license.type, license]));
  expect(group!.licenses).toHaveLength(3);
  expect(byType.NODE_LOCKED).toMatchObject({ id: layout[0]!.id, counts: { seats: 3, assigned: 2, activated: 1, inUseNow: 0 } });
  expect(byType.FLOATING).toMatchObject({ id: floating.id, counts: { seats: 3, assigned: 2, inUseNow: 1 } });
  expect(byType.NAMED_USER).toMatchObject({ id: named.id, counts: { seats: 5, assigned: 1 } });

  // The grid's head counts the same for the same columns.
  const head = await getLicenseGroupGridHead({ actor: tenant.admin, groupId: tenant.group.id });
  for (const column of head.licenses) {
    const line = group!.licenses.find((license) => license.id === column.id)!;
    expect({
      seats: column.seats,
      assigned: column.assignedCount,
      activated: column.activatedCount,
      inUseNow: column.seatHolders.length,
    }).toEqual(line.counts);
  }
});
