import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { createTestAccount, createTestTenant, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const contact = { title: "MR", firstName: "José", lastName: "Bakker", position: "Constructeur", language: "nl" } as const;

test("R14: a registered identity is added at once, without contact details, and audited", async () => {
  const tenant = await createTestTenant();
  const person = await createTestAccount();
  const added = await addCompanyMember({ actor: tenant.admin, companyId: tenant.company.id, email: ` ${person.email.toUpperCase()} ` });
  expect(added).toMatchObject({
    isNewContact: false,
    user: { id: person.id },
    membership: { role: "USER", invitedAt: null, addedById: tenant.admin.id },
  });
  expect(await db().auditEvent.count({ where: { action: "member.added", companyId: tenant.company.id, subjectUserId: person.id } })).toBe(
    1,
  );
});

test("R14: an unknown email needs the mandatory contact details, and the error names the missing ones", async () => {
  const tenant = await createTestTenant();
  const email = `${uniqueName("new")}@test.example`;
  await expect(addCompanyMember({ actor: tenant.admin, companyId: tenant.company.id, email })).rejects.toMatchObject({
    code: "INVALID",
    details: {
      reason: "CONTACT_DETAILS_REQUIRED",
      fields: { title: "required", firstName: "required", lastName: "required", position: "required", language: "required" },
    },
  });
  await expect(
    addCompanyMember({ actor: tenant.admin, companyId: tenant.company.id, email, contact: { ...contact, position: " " } }),
  ).rejects.toMatchObject({
    code: "INVALID",
    details: { fields: { position: "required" } },
  });
  expect(await db().user.count({ where: { email } })).toBe(0);
});

test("R14/R17: with contact details, a contact without account is created as invited", async () => {
  const tenant = await createTestTenant();
  const email = `${uniqueName("invited")}@test.example`;
  const added = await addCompanyMember({ actor: tenant.admin, companyId: tenant.company.id, email, contact, role: "ADMIN" });
  expect(added.isNewContact).toBe(true);
  expect(added.user).toMatchObject({ email, passwordHash: null, title: "MR", firstName: "José", position: "Constructeur", language: "nl" });
  expect(added.membership.role).toBe("ADMIN");
  expect(added.membership.invitedAt).toBeInstanceOf(Date);
});

test("adding someone already in the company is a conflict and changes nothing", async () => {
  const tenant = await createTestTenant();
  const user = await tenant.addUser();
  await expect(
    addCompanyMember({ actor: tenant.admin, companyId: tenant.company.id, email: user.email, role: "ADMIN" }),
  ).rejects.toMatchObject({
    code: "CONFLICT",
    details: { reason: "ALREADY_MEMBER" },
  });
  expect(await db().membership.findMany({ where: { userId: user.id } })).toMatchObject([{ role: "USER" }]);
});

test("R11: one person can be a contact of two companies", async () => {
  const netherlands = await createTestTenant({ country: "NL" });
  const belgium = await createTestTenant({ country: "BE" });
  const person = await netherlands.addUser();
  await addCompanyMember({ actor: belgium.admin, companyId: belgium.company.id, email: person.email });
  expect(await db().membership.count({ where: { userId: person.id } })).toBe(2);
});

test("R28: an admin of company A cannot add users to company B; a plain user cannot add anyone", async () => {
  const companyA = await createTestTenant();
  const companyB = await createTestTenant();
  const email = `${uniqueName("target")}@test.example`;
  await expect(addCompanyMember({ actor: companyA.admin, companyId: companyB.company.id, email, contact })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(
    addCompanyMember({ actor: companyA.admin, companyId: "00000000-0000-0000-0000-000000000000", email, contact }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  const plainUser = await companyB.addUser("USER");
  await expect(addCompanyMember({ actor: plainUser, companyId: companyB.company.id, email, contact })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  expect(await db().user.count({ where: { email } })).toBe(0);
});
