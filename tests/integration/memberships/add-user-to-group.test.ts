// R14/R15 through the group page: the company comes from the group (R28); the added person
// appears in the group's grid at once, ready for assignment; nobody can be removed (R19).
import { expect, test } from "vitest";
import { getLicenseGroupGrid } from "@/lib/assignments/get-license-group-grid";
import { getLicenseGroupCompanyId } from "@/lib/licenses/get-license-group-company";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { createTestAccount, createTestTenant, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("R15: a registered identity and a new contact added via the group appear in its grid", async () => {
  const tenant = await createTestTenant();
  const companyId = await getLicenseGroupCompanyId({ groupId: tenant.group.id });
  expect(companyId).toBe(tenant.company.id);
  const registered = await createTestAccount();
  await addCompanyMember({ actor: tenant.admin, companyId, email: registered.email.toUpperCase() });
  const contactEmail = `${uniqueName("contact")}@test.example`;
  await expect(
    addCompanyMember({ actor: tenant.admin, companyId, email: contactEmail, contact: { firstName: "Anna" } }),
  ).rejects.toMatchObject({
    code: "INVALID",
    details: {
      reason: "CONTACT_DETAILS_REQUIRED",
      fields: { title: "required", lastName: "required", position: "required", language: "required" },
    },
  });
  await addCompanyMember({
    actor: tenant.admin,
    companyId,
    email: contactEmail,
    contact: { title: "MS", firstName: "Anna", lastName: "de Vries", position: "Constructeur", language: "en" },
  });
  await expect(addCompanyMember({ actor: tenant.admin, companyId, email: registered.email })).rejects.toMatchObject({
    code: "CONFLICT",
    details: { reason: "ALREADY_MEMBER" },
  });

  const grid = await getLicenseGroupGrid({ actor: tenant.admin, groupId: tenant.group.id });
  expect(grid.users.find((user) => user.id === registered.id)).toMatchObject({ isRegistered: true, assignedLicenseIds: [] });
  expect(grid.users.find((user) => user.email === contactEmail)).toMatchObject({
    isRegistered: false,
    invitation: null,
    title: "MS",
    lastName: "de Vries",
    position: "Constructeur",
  });
});

test("R28: an admin of company B cannot add anyone to A through A's group", async () => {
  const a = await createTestTenant();
  const b = await createTestTenant();
  const companyId = await getLicenseGroupCompanyId({ groupId: a.group.id });
  const person = await createTestAccount();
  await expect(addCompanyMember({ actor: b.admin, companyId, email: person.email })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(getLicenseGroupCompanyId({ groupId: "00000000-0000-0000-0000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  const grid = await getLicenseGroupGrid({ actor: a.admin, groupId: a.group.id });
  expect(grid.users.some((user) => user.id === person.id)).toBe(false);
});
