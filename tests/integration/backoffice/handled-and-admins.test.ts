// R31: staff mark orders and sales leads handled (once), and give a company an administrator.
import { expect, test } from "vitest";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { addCompanyAdmin } from "@/lib/backoffice/add-company-admin";
import { listOrders } from "@/lib/backoffice/list-orders";
import { listSalesLeads } from "@/lib/backoffice/list-sales-leads";
import { markInvoicePaid, markOrderHandled, markSalesLeadHandled } from "@/lib/backoffice/mark-handled";
import { db } from "@/lib/db/client";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { createTestAccount, createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { createTestOrder, createTestSalesLead } from "./backoffice-fixtures";

useTestDatabase();

test("an order is marked handled once, by whom and when; it leaves the open list and the admins see it", async () => {
  const tenant = await createTestTenant();
  const order = await createTestOrder(tenant);
  expect((await listOrders({ actor: tenant.staff, filter: "open" })).items.map((item) => item.id)).toContain(order.id);

  const { handledAt } = await markOrderHandled({ actor: tenant.staff, orderId: order.id });
  expect(await db().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ handledAt, handledById: tenant.staff.id });
  await expect(markOrderHandled({ actor: tenant.staff, orderId: order.id })).rejects.toMatchObject({
    code: "CONFLICT",
    details: { reason: "ALREADY_HANDLED" },
  });
  await expect(markOrderHandled({ actor: tenant.staff, orderId: "00000000-0000-0000-0000-000000000000" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });

  expect((await listOrders({ actor: tenant.staff, filter: "open" })).items.map((item) => item.id)).not.toContain(order.id);
  expect((await listOrders({ actor: tenant.staff, filter: "handled" })).items.find((item) => item.id === order.id)).toMatchObject({
    handledByEmail: tenant.staff.email,
  });
  const page = await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id, filters: { action: "order.handled" } });
  expect(page.events).toHaveLength(1);
  expect(page.events[0]).toMatchObject({ actor: { id: tenant.staff.id }, data: { orderId: order.id } });
});

test("R6: an invoice is recorded as paid once; the order becomes PAID and the admins see it", async () => {
  const tenant = await createTestTenant();
  const order = await createTestOrder(tenant);
  expect(order).toMatchObject({ paymentMethod: "INVOICE", status: "PLACED", invoicePaidAt: null });

  const { invoicePaidAt } = await markInvoicePaid({ actor: tenant.staff, orderId: order.id });
  expect(await db().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID", invoicePaidAt });
  await expect(markInvoicePaid({ actor: tenant.staff, orderId: order.id })).rejects.toMatchObject({
    code: "CONFLICT",
    details: { reason: "ALREADY_PAID" },
  });
  await expect(markInvoicePaid({ actor: tenant.staff, orderId: "00000000-0000-0000-0000-000000000000" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  expect(await db().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ invoicePaidAt });
  const page = await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id, filters: { action: "order.invoice-paid" } });
  expect(page.events).toHaveLength(1);
  expect(page.events[0]).toMatchObject({ actor: { id: tenant.staff.id }, data: { orderId: order.id } });
});

test("two staff members marking one sales lead at once: one records it, the other hears it was handled", async () => {
  const tenant = await createTestTenant();
  const lead = await createTestSalesLead(tenant);
  const otherStaff = await createTestAccount({ isStaff: true });
  const results = await Promise.allSettled([
    markSalesLeadHandled({ actor: tenant.staff, salesLeadId: lead.id }),
    markSalesLeadHandled({ actor: otherStaff, salesLeadId: lead.id }),
  ]);
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
  expect(await db().auditEvent.count({ where: { action: "sales-lead.handled", data: { path: ["salesLeadId"], equals: lead.id } } })).toBe(
    1,
  );
  expect((await listSalesLeads({ actor: tenant.staff, filter: "handled" })).items.map((item) => item.id)).toContain(lead.id);
});

test("an existing person joins as ADMIN; a user of the company is promoted; unknown and existing admins are refused", async () => {
  const tenant = await createTestTenant();
  const newcomer = await createTestAccount();
  const member = await tenant.addUser();

  await expect(
    addCompanyAdmin({ actor: tenant.staff, companyId: tenant.company.id, email: ` ${newcomer.email.toUpperCase()} ` }),
  ).resolves.toMatchObject({ outcome: "ADDED", userId: newcomer.id });
  await expect(addCompanyAdmin({ actor: tenant.staff, companyId: tenant.company.id, email: member.email })).resolves.toMatchObject({
    outcome: "PROMOTED",
    userId: member.id,
  });
  for (const user of [newcomer, member]) {
    await expect(
      requireCompanyAdmin({ actor: user, companyId: tenant.company.id, db: db(), resource: "Company" }),
    ).resolves.toBeUndefined();
  }
  await expect(addCompanyAdmin({ actor: tenant.staff, companyId: tenant.company.id, email: member.email })).rejects.toMatchObject({
    code: "CONFLICT",
    details: { reason: "ALREADY_ADMIN" },
  });
  await expect(
    addCompanyAdmin({ actor: tenant.staff, companyId: tenant.company.id, email: "nobody-here@test.example" }),
  ).rejects.toMatchObject({ code: "INVALID", details: { reason: "UNKNOWN_PERSON" } });
  expect(await db().user.count({ where: { email: "nobody-here@test.example" } })).toBe(0);

  const page = await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id });
  expect(page.events.find((event) => event.action === "member.made-admin")).toMatchObject({
    actor: { id: tenant.staff.id },
    subject: { id: member.id },
  });
  expect(page.events.find((event) => event.action === "member.added" && event.subject?.id === newcomer.id)).toMatchObject({
    actor: { id: tenant.staff.id },
    data: { role: "ADMIN" },
  });
});
