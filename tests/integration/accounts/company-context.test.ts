// R11, R28: the company context. The choice persists across sessions, a member of company A
// cannot see or switch into company B, and Software management is for admins of the current one.
import { expect, test } from "vitest";
import { setCurrentCompany } from "@/lib/accounts/set-current-company";
import { updateProfile } from "@/lib/accounts/update-profile";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canManageSoftware, requireSoftwareManager } from "@/lib/auth/permissions";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { createTestTenant } from "../../fixtures/tenant";
import { portalSessionClaims } from "../../fixtures/portal-session";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();

test("a member of company A cannot see or switch into company B", async () => {
  const [companyA, companyB] = [await createTestTenant({ country: "NL" }), await createTestTenant({ country: "BE" })];
  const member = await companyA.addUser("USER");
  await expect(setCurrentCompany({ actor: member, companyId: companyB.company.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  const user = await getCurrentUser(await portalSessionClaims({ userId: member.id, sessionVersion: member.sessionVersion }), database.db);
  expect(user?.memberships.map((membership) => membership.company.id)).toEqual([companyA.company.id]);
  expect(() => requireSoftwareManager(user!, companyB.company.id)).toThrowError(expect.objectContaining({ code: "NOT_FOUND" }));
  expect(await database.db.auditEvent.count({ where: { action: "company.switched", actorId: member.id } })).toBe(0);
});

test("the chosen company persists across sessions; Software management only where the user is admin", async () => {
  const [companyA, companyB] = [await createTestTenant({ country: "NL" }), await createTestTenant({ country: "DE" })];
  const person = await companyA.addUser("USER");
  await addCompanyMember({ actor: companyB.staff, companyId: companyB.company.id, email: person.email, role: "ADMIN" });

  await setCurrentCompany({ actor: person, companyId: companyA.company.id });
  let user = await getCurrentUser(await portalSessionClaims({ userId: person.id, sessionVersion: person.sessionVersion }), database.db);
  expect(user?.currentMembership?.company.id).toBe(companyA.company.id);
  expect(canManageSoftware(user?.currentMembership)).toBe(false);
  expect(() => requireSoftwareManager(user!, companyA.company.id)).toThrowError(expect.objectContaining({ code: "FORBIDDEN" }));

  await setCurrentCompany({ actor: person, companyId: companyB.company.id, ipAddress: "192.0.2.7" });
  // A later session (a new read of the user) starts in the chosen company.
  user = await getCurrentUser(await portalSessionClaims({ userId: person.id, sessionVersion: person.sessionVersion }), database.db);
  expect(user?.currentMembership?.company.id).toBe(companyB.company.id);
  expect(canManageSoftware(user?.currentMembership)).toBe(true);
  expect(
    await database.db.auditEvent.findFirst({ where: { action: "company.switched", actorId: person.id, companyId: companyB.company.id } }),
  ).toMatchObject({ ipAddress: "192.0.2.7" });
});

test("the profile stores names, title, position and language", async () => {
  const tenant = await createTestTenant();
  const person = await tenant.addUser("USER");
  await updateProfile({
    actor: person,
    profile: { title: "DR", firstName: " Anna ", lastName: "Bakker", position: "Engineer", language: "en" },
  });
  expect(await database.db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
    title: "DR",
    firstName: "Anna",
    lastName: "Bakker",
    position: "Engineer",
    language: "en",
  });
  await expect(
    updateProfile({ actor: person, profile: { title: "", firstName: "", lastName: "B", position: "", language: "nl" } }),
  ).rejects.toMatchObject({
    code: "INVALID",
    details: { fields: { firstName: "required" } },
  });
});
