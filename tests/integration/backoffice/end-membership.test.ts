// R31, decision 016: staff end a membership. The person's licenses of the company are revoked (R18),
// activations end and floating seats are released, all audited; the membership row is gone so no
// seat can be taken again; the account stays (R19) and may be added again.
import { expect, test } from "vitest";
import { activateLicense } from "@/lib/activations/activate-license";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { endMembership } from "@/lib/backoffice/end-membership";
import { db } from "@/lib/db/client";
import { listEntitlements } from "@/lib/entitlements/list-entitlements";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { acceptMembershipInvitation } from "@/lib/memberships/accept-membership-invitation";
import { hashToken, newToken } from "@/lib/auth/one-time-tokens";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

async function memberWithEverything() {
  const tenant = await createTestTenant();
  const person = await tenant.addUser();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 2);
  const floating = await tenant.addLicense("PROFIS_DETECTION_OFFICE", "FLOATING", 2);
  const nodeLocked = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED", 1);
  const group = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: group.version,
    changes: [named, floating, nodeLocked].map((license) => ({ licenseId: license.id, userId: person.id, assigned: true })),
  });
  await activateLicense({ actor: person, activationKey: nodeLocked.activationKey!, fingerprint: "fp-laptop", hostname: "laptop" });
  await activateLicense({ actor: person, activationKey: floating.activationKey!, fingerprint: "fp-laptop", hostname: "laptop" });
  await acquireLease({ userId: person.id, licenseId: floating.id, holder: { fingerprint: "fp-laptop" } });
  await db().user.update({ where: { id: person.id }, data: { currentCompanyId: tenant.company.id } });
  return { tenant, person, named, floating, nodeLocked };
}

test("staff end a membership: licenses revoked, activations and seats released, audited, account kept", async () => {
  const { tenant, person, floating } = await memberWithEverything();
  await expect(endMembership({ actor: tenant.staff, companyId: tenant.company.id, userId: person.id })).resolves.toEqual({ revoked: 3 });

  expect(await db().membership.count({ where: { userId: person.id, companyId: tenant.company.id } })).toBe(0);
  expect(await db().assignment.count({ where: { userId: person.id, revokedAt: null } })).toBe(0);
  expect(await db().assignment.count({ where: { userId: person.id } })).toBe(3); // history kept
  expect(await db().activation.count({ where: { userId: person.id, deactivatedAt: null } })).toBe(0);
  expect(await db().floatingLease.count({ where: { userId: person.id, releasedAt: null } })).toBe(0);
  const user = await db().user.findUniqueOrThrow({ where: { id: person.id } });
  expect(user.currentCompanyId).toBeNull();
  expect(user.disabledAt).toBeNull();
  expect(
    await db().auditEvent.count({
      where: { companyId: tenant.company.id, action: "member.ended", subjectUserId: person.id, actorId: tenant.staff.id },
    }),
  ).toBe(1);
  expect(
    await db().auditEvent.count({ where: { companyId: tenant.company.id, action: "assignment.revoked", subjectUserId: person.id } }),
  ).toBe(3);

  // The seat statement no longer sees a member: no seat, and the API lists nothing of the company.
  await expect(acquireLease({ userId: person.id, licenseId: floating.id, holder: { fingerprint: "fp-laptop" } })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  expect(await listEntitlements({ userId: person.id })).toMatchObject({ company: null, entitlements: [] });
});

test("a member whose assignment is restored by hand still cannot take a seat once the membership ended", async () => {
  const { tenant, person, floating } = await memberWithEverything();
  await endMembership({ actor: tenant.staff, companyId: tenant.company.id, userId: person.id });
  await db().assignment.create({ data: { licenseId: floating.id, userId: person.id } });
  await expect(acquireLease({ userId: person.id, licenseId: floating.id, holder: { fingerprint: "fp-laptop" } })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
});

test("the person may be added again later, as a new membership", async () => {
  const { tenant, person } = await memberWithEverything();
  await endMembership({ actor: tenant.staff, companyId: tenant.company.id, userId: person.id });
  await addCompanyMember({ actor: tenant.admin, companyId: tenant.company.id, email: person.email });
  expect(await db().membership.count({ where: { userId: person.id, companyId: tenant.company.id } })).toBe(1);
});

test("only staff end memberships; a missing one is NOT_FOUND and nothing changes", async () => {
  const { tenant, person } = await memberWithEverything();
  const other = await createTestTenant();
  for (const actor of [tenant.admin, person, other.admin]) {
    await expect(endMembership({ actor, companyId: tenant.company.id, userId: person.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  }
  await expect(endMembership({ actor: tenant.staff, companyId: tenant.company.id, userId: other.admin.id })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  expect(await db().membership.count({ where: { userId: person.id, companyId: tenant.company.id } })).toBe(1);
  expect(await db().assignment.count({ where: { userId: person.id, revokedAt: null } })).toBe(3);
});

test("an invitation to join still open when the membership ends is withdrawn: the old link does not bring the person back", async () => {
  const { tenant, person } = await memberWithEverything();
  const token = newToken();
  await db().membershipInvitation.create({
    data: {
      companyId: tenant.company.id,
      email: person.email,
      tokenHash: hashToken(token),
      invitedById: tenant.admin.id,
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
    },
  });
  await endMembership({ actor: tenant.staff, companyId: tenant.company.id, userId: person.id });
  expect(await db().membershipInvitation.count({ where: { companyId: tenant.company.id, email: person.email } })).toBe(0);
  await expect(acceptMembershipInvitation({ actor: person, token })).rejects.toMatchObject({ code: expect.any(String) });
  expect(await db().membership.count({ where: { companyId: tenant.company.id, userId: person.id } })).toBe(0);
});
