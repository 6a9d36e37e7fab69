import { expect, test } from "vitest";
import { createCompany } from "@/lib/companies/create-company";
import { db } from "@/lib/db/client";
import { createTestAccount } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("back-office staff create a company per country, audited", async () => {
  const staff = await createTestAccount({ isStaff: true });
  const company = await createCompany({ actor: staff, name: " Bouwbedrijf Test B.V. ", country: "nl", sapAccountNumber: "0001234567" });
  expect(company).toMatchObject({ name: "Bouwbedrijf Test B.V.", country: "NL", sapAccountNumber: "0001234567" });
  expect(await db().auditEvent.count({ where: { companyId: company.id, action: "company.created", actorId: staff.id } })).toBe(1);
});

test("a second company with the same SAP account is a conflict", async () => {
  const staff = await createTestAccount({ isStaff: true });
  await createCompany({ actor: staff, name: "First", country: "BE", sapAccountNumber: "0007654321" });
  await expect(createCompany({ actor: staff, name: "Second", country: "BE", sapAccountNumber: "0007654321" })).rejects.toMatchObject({
    code: "CONFLICT",
  });
  expect(await db().company.count({ where: { sapAccountNumber: "0007654321" } })).toBe(1);
});

test("only staff may create companies, and invalid input names its fields", async () => {
  const customer = await createTestAccount();
  await expect(createCompany({ actor: customer, name: "Nope", country: "NL", sapAccountNumber: "0009999999" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  const staff = await createTestAccount({ isStaff: true });
  await expect(createCompany({ actor: staff, name: "", country: "Netherlands", sapAccountNumber: "12" })).rejects.toMatchObject({
    code: "INVALID",
    details: { fields: { name: "required", country: expect.any(String), sapAccountNumber: expect.any(String) } },
  });
  expect(await db().company.count({ where: { sapAccountNumber: "0009999999" } })).toBe(0);
});
