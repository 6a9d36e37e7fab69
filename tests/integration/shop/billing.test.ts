// Decision 021: the checkout's billing address and purchase-order number, the
// invoice number, the company's orders and invoices list, and who may read them (R28).
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { markInvoicePaid } from "@/lib/backoffice/mark-handled";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { getCheckoutCompany } from "@/lib/shop/get-checkout-company";
import { getOrderForViewer } from "@/lib/shop/get-order-for-viewer";
import { listCompanyOrders } from "@/lib/shop/list-company-orders";
import { placeOrder } from "@/lib/shop/place-order";
import { createTestAccount, createTestTenant, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;
const key = () => `checkout-${randomUUID()}`;
const floatingEngineering = (seats: number) =>
  ({ kind: "NEW_LICENSE", productCode: "PROFIS_ENGINEERING", edition: "STANDARD", type: "FLOATING", seats }) as const;
const utrecht = { attention: "Crediteurenadministratie", street: "Kanaalweg 12", postalCode: "3526kl", city: "Utrecht" };

describe("placeOrder with a billing address", () => {
  test("the address is kept on the order as it was, normalised, and becomes the company's address on file", async () => {
    const tenant = await createTestTenant();
    const { order } = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(1)],
      billing: utrecht,
      purchaseOrderNumber: " PO-2026-0042 ",
      idempotencyKey: key(),
    });
    expect(order).toMatchObject({
      billingName: tenant.company.name,
      billingAttention: "Crediteurenadministratie",
      billingStreet: "Kanaalweg 12",
      billingPostalCode: "3526 KL",
      billingCity: "Utrecht",
      billingCountry: "NL",
      purchaseOrderNumber: "PO-2026-0042",
    });
    expect(await getCheckoutCompany({ actor: tenant.admin, companyId: tenant.company.id })).toMatchObject({
      billingAddress: { attention: "Crediteurenadministratie", street: "Kanaalweg 12", postalCode: "3526 KL", city: "Utrecht" },
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { companyId: tenant.company.id, action: "order.placed" } });
    expect(event.data).toMatchObject({ orderId: order.id, invoiceNumber: order.invoiceNumber, purchaseOrderNumber: "PO-2026-0042" });

    // A later order with another address changes the address on file, never the first invoice.
    const second = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(1)],
      billing: { street: "Stationsplein 1", postalCode: "1012 AB", city: "Amsterdam" },
      idempotencyKey: key(),
    });
    expect(second.order.invoiceNumber).toBeGreaterThan(order.invoiceNumber);
    expect(second.order).toMatchObject({ billingAttention: null, billingStreet: "Stationsplein 1", purchaseOrderNumber: null });
    const first = await getOrderForViewer({ actor: tenant.admin, orderId: order.id });
    expect(first.billingAddress).toEqual({
      name: tenant.company.name,
      attention: "Crediteurenadministratie",
      street: "Kanaalweg 12",
      postalCode: "3526 KL",
      city: "Utrecht",
      country: "NL",
    });
    expect(first.purchaseOrderNumber).toBe("PO-2026-0042");
    expect(first.invoiceNumber).toMatch(/^F\d{8}$/);
  });

  test("without an address the order takes the one on file; a company without one gets an invoice without an address", async () => {
    const tenant = await createTestTenant();
    const bare = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(1)],
      idempotencyKey: key(),
    });
    expect(bare.order).toMatchObject({ billingName: null, billingStreet: null, billingCountry: null });
    expect((await getOrderForViewer({ actor: tenant.admin, orderId: bare.order.id })).billingAddress).toBeNull();

    await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(1)],
      billing: utrecht,
      idempotencyKey: key(),
    });
    const later = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(1)],
      idempotencyKey: key(),
    });
    expect(later.order).toMatchObject({ billingStreet: "Kanaalweg 12", billingPostalCode: "3526 KL", billingCountry: "NL" });
  });

  test("a new company's first order gives it its address, in the country chosen for it", async () => {
    await createTestTenant();
    const buyer = await createTestAccount();
    const name = uniqueName("Peeters");
    const { order } = await placeOrder({
      actor: buyer,
      newCompany: { name, country: "BE", vatNumber: "BE0123456789" },
      lines: [floatingEngineering(1)],
      billing: { street: "Meir 1", postalCode: "2000", city: "Antwerpen" },
      idempotencyKey: key(),
    });
    expect(order).toMatchObject({ billingName: name, billingCountry: "BE", billingPostalCode: "2000", billingVatNumber: "BE0123456789" });
    const company = await db().company.findUniqueOrThrow({ where: { id: order.companyId } });
    expect(company).toMatchObject({ billingStreet: "Meir 1", billingPostalCode: "2000", billingCity: "Antwerpen" });
  });

  test("bad billing input is a field error and changes nothing: missing parts, a postal code of another country, too long, control characters", async () => {
    const tenant = await createTestTenant({ country: "BE" });
    const attempt = (billing: unknown, purchaseOrderNumber?: string) =>
      placeOrder({
        actor: tenant.admin,
        companyId: tenant.company.id,
        lines: [floatingEngineering(1)],
        billing: billing as never,
        purchaseOrderNumber,
        idempotencyKey: key(),
      });

    await expect(attempt({ street: "", postalCode: "", city: "" })).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: { "billing.street": "required", "billing.postalCode": "required", "billing.city": "required" } },
    });
    // A Dutch postal code for a Belgian company.
    await expect(attempt({ street: "Meir 1", postalCode: "3526 KL", city: "Antwerpen" })).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: { "billing.postalCode": "invalid" } },
    });
    await expect(attempt({ street: "x".repeat(201), postalCode: "2000", city: "Antwerpen" })).rejects.toMatchObject({
      details: { fields: { "billing.street": "too long" } },
    });
    await expect(attempt({ street: "Meir\u202E 1", postalCode: "2000", city: "Antwerpen" })).rejects.toMatchObject({
      details: { fields: { "billing.street": "forbidden characters" } },
    });
    await expect(attempt({ street: "Meir 1", postalCode: "2000", city: "Antwerpen" }, "P".repeat(36))).rejects.toMatchObject({
      details: { fields: { purchaseOrderNumber: "too long" } },
    });
    await expect(attempt("Meir 1, 2000 Antwerpen")).rejects.toMatchObject({ code: "INVALID" });

    expect(await db().order.count({ where: { companyId: tenant.company.id } })).toBe(0);
    expect(await db().company.findUniqueOrThrow({ where: { id: tenant.company.id } })).toMatchObject({
      billingStreet: null,
      billingPostalCode: null,
      billingCity: null,
    });
  });
});

describe("listCompanyOrders", () => {
  test("the company's orders, newest first, with invoice number, amount and where the payment stands", async () => {
    const tenant = await createTestTenant();
    const placedAt = fixedClock("2026-03-01T09:00:00Z");
    const first = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(1)],
      billing: utrecht,
      purchaseOrderNumber: "PO-1",
      idempotencyKey: key(),
      clock: placedAt,
    });
    placedAt.advance(20 * DAY_MS);
    const second = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(2)],
      billing: utrecht,
      idempotencyKey: key(),
      clock: placedAt,
    });
    // Another company's order is never in the list.
    const other = await createTestTenant();
    await placeOrder({ actor: other.admin, companyId: other.company.id, lines: [floatingEngineering(1)], idempotencyKey: key() });

    // 35 days after the first order: its 30-day term has passed, the second's has not.
    const now = fixedClock(new Date(first.order.createdAt.getTime() + 35 * DAY_MS));
    const listed = await listCompanyOrders({ actor: tenant.admin, companyId: tenant.company.id, page: 1, clock: now });
    expect(listed.total).toBe(2);
    expect(listed.items.map((order) => order.id)).toEqual([second.order.id, first.order.id]);
    expect(listed.items[1]).toMatchObject({
      purchaseOrderNumber: "PO-1",
      totalCents: first.order.totalCents,
      productNames: ["PROFIS Engineering"],
      invoice: { state: "OVERDUE", dueAt: new Date(first.order.createdAt.getTime() + 30 * DAY_MS) },
    });
    expect(listed.items[0]!.invoice).toEqual({ state: "OPEN", dueAt: new Date(second.order.createdAt.getTime() + 30 * DAY_MS) });

    // The back office records the first invoice as paid: the list says so, with the day.
    const paidAt = fixedClock(new Date(first.order.createdAt.getTime() + 33 * DAY_MS));
    await markInvoicePaid({ actor: tenant.staff, orderId: first.order.id, clock: paidAt });
    const after = await listCompanyOrders({ actor: tenant.admin, companyId: tenant.company.id, page: 1, clock: now });
    expect(after.items[1]!.invoice).toEqual({ state: "PAID", paidAt: paidAt.now() });
    expect((await getOrderForViewer({ actor: tenant.admin, orderId: first.order.id, clock: now })).invoice).toEqual({
      state: "PAID",
      paidAt: paidAt.now(),
    });
  });

  test("R28: only the company's admins read it; a colleague is refused, another company's admin and a stranger find no company", async () => {
    const tenant = await createTestTenant();
    await placeOrder({ actor: tenant.admin, companyId: tenant.company.id, lines: [floatingEngineering(1)], idempotencyKey: key() });
    const colleague = await tenant.addUser("USER");
    const other = await createTestTenant();
    const stranger = await createTestAccount();
    const list = (actor: { id: string }) => listCompanyOrders({ actor, companyId: tenant.company.id, page: 1 });
    await expect(list(colleague)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(list(other.admin)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(list(stranger)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(list(tenant.staff)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await list(tenant.admin)).total).toBe(1);
  });

  test("pages of 25, and a page past the end is empty", async () => {
    const tenant = await createTestTenant();
    const clock = fixedClock("2026-03-01T09:00:00Z");
    for (let index = 0; index < 27; index++) {
      clock.advance(60_000);
      await placeOrder({
        actor: tenant.admin,
        companyId: tenant.company.id,
        lines: [floatingEngineering(1)],
        idempotencyKey: key(),
        clock,
      });
    }
    const page2 = await listCompanyOrders({ actor: tenant.admin, companyId: tenant.company.id, page: 2 });
    expect(page2).toMatchObject({ total: 27, page: 2, pageCount: 2 });
    expect(page2.items).toHaveLength(2);
    expect((await listCompanyOrders({ actor: tenant.admin, companyId: tenant.company.id, page: 3 })).items).toEqual([]);
  });
});
