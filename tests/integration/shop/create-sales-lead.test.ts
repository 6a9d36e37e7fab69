// R6: "Contact sales" for PROFIS Engineering Enterprise leaves a lead for the back office.
import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { createSalesLead } from "@/lib/shop/create-sales-lead";
import { createTestAccount, createTestTenant, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("a valid request becomes an open lead for the product, recorded with the requester", async () => {
  await createTestTenant(); // the product catalogue
  const requester = await createTestAccount();
  const companyName = uniqueName("Groot Bouw");
  const lead = await createSalesLead({
    actor: requester,
    companyName: ` ${companyName} `,
    country: "be",
    email: " Inkoop@Groot.Example ",
    message: "50 gebruikers, 3 jaar",
  });
  expect(lead).toMatchObject({
    requesterId: requester.id,
    companyName,
    country: "BE",
    email: "inkoop@groot.example",
    message: "50 gebruikers, 3 jaar",
    handledAt: null,
  });
  const product = await db().product.findUniqueOrThrow({ where: { id: lead.productId! } });
  expect(product.code).toBe("PROFIS_ENGINEERING");
  expect(await db().auditEvent.findFirstOrThrow({ where: { action: "sales-lead.created", actorId: requester.id } })).toMatchObject({
    companyId: null,
    data: { salesLeadId: lead.id },
  });
});

test("the form's mistakes are named per field and nothing is stored", async () => {
  const requester = await createTestAccount();
  await expect(
    createSalesLead({ actor: requester, companyName: " ", country: "Nederland", email: "geen-adres", message: "x".repeat(2_001) }),
  ).rejects.toMatchObject({
    code: "INVALID",
    details: {
      fields: { companyName: "required", country: "must be an ISO country code", email: "must be an email address", message: "too long" },
    },
  });
  expect(await db().salesLead.count({ where: { requesterId: requester.id } })).toBe(0);
});

test("a disabled account leaves no lead", async () => {
  await createTestTenant();
  const requester = await createTestAccount();
  await db().user.update({ where: { id: requester.id }, data: { disabledAt: new Date() } });
  await expect(
    createSalesLead({ actor: requester, companyName: "Groot Bouw", country: "NL", email: "inkoop@groot.example" }),
  ).rejects.toMatchObject({ code: "FORBIDDEN" });
  expect(await db().salesLead.count({ where: { requesterId: requester.id } })).toBe(0);
  expect(await db().auditEvent.count({ where: { action: "sales-lead.created", actorId: requester.id } })).toBe(0);
});
