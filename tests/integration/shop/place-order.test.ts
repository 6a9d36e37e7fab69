// Fulfilment of an online order (R6, R7): what it creates, idempotency, refusals, more
// seats and renewals, and all-or-nothing.
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { fixedClock } from "@/lib/clock";
import { quoteCheckout } from "@/lib/shop/quote-checkout";
import { db } from "@/lib/db/client";
import { createLicense } from "@/lib/licenses/create-license";
import { ACTIVATION_KEY_PATTERN } from "@/lib/licenses/activation-key";
import { placeOrder } from "@/lib/shop/place-order";
import { createTestAccount, createTestTenant, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;
const key = () => `checkout-${randomUUID()}`;
const floatingEngineering = (seats: number) =>
  ({ kind: "NEW_LICENSE", productCode: "PROFIS_ENGINEERING", edition: "STANDARD", type: "FLOATING", seats }) as const;
const nodeLockedLayout = (seats: number) =>
  ({ kind: "NEW_LICENSE", productCode: "PROFIS_LAYOUT_OFFICE", edition: "STANDARD", type: "NODE_LOCKED", seats }) as const;

async function countsFor(companyName: string) {
  const companies = await db().company.findMany({ where: { name: companyName }, select: { id: true } });
  const companyIds = companies.map((company) => company.id);
  return {
    companies: companies.length,
    groups: await db().licenseGroup.count({ where: { companyId: { in: companyIds } } }),
    licenses: await db().license.count({ where: { group: { companyId: { in: companyIds } } } }),
    orders: await db().order.count({ where: { companyId: { in: companyIds } } }),
    emails: await db().emailMessage.count({ where: { companyId: { in: companyIds } } }),
    auditEvents: await db().auditEvent.count({ where: { companyId: { in: companyIds } } }),
  };
}

describe("a buyer without a company", () => {
  test("R6/R7: one order creates the company, the buyer as ADMIN, a group, the licenses with keys for desktop, and the mail", async () => {
    await createTestTenant(); // the product catalogue
    const buyer = await createTestAccount({ firstName: "Koper" });
    const clock = fixedClock("2026-03-01T09:00:00Z");
    const name = uniqueName("Bouw");
    const { order, isReplay } = await placeOrder({
      actor: buyer,
      newCompany: { name, country: "NL", vatNumber: "" },
      lines: [floatingEngineering(3), nodeLockedLayout(2)],
      idempotencyKey: key(),
      clock,
    });
    expect(isReplay).toBe(false);

    const company = await db().company.findFirstOrThrow({
      where: { name },
      include: { memberships: true, licenseGroups: { include: { licenses: { include: { product: true } } } } },
    });
    expect(company).toMatchObject({ country: "NL", vatNumber: null });
    expect(company.sapAccountNumber).toMatch(/^9\d{9}$/);
    expect(company.memberships).toMatchObject([{ userId: buyer.id, role: "ADMIN" }]);
    expect(company.licenseGroups).toHaveLength(1);
    const group = company.licenseGroups[0]!;
    expect(group).toMatchObject({ sapAccountNumber: company.sapAccountNumber, name });

    const licenses = group.licenses;
    expect(licenses).toHaveLength(3);
    for (const license of licenses) {
      expect(license.validFrom).toEqual(clock.now());
      expect(license.validUntil).toEqual(new Date(clock.now().getTime() + 365 * DAY_MS));
      if (license.product.kind === "DESKTOP") expect(license.activationKey).toMatch(ACTIVATION_KEY_PATTERN);
      else expect(license.activationKey).toBeNull();
    }
    expect(licenses.filter((license) => license.type === "NODE_LOCKED").map((license) => license.seats)).toEqual([1, 1]);
    expect(licenses.find((license) => license.type === "FLOATING")?.seats).toBe(3);

    // 3 × 890.00 + 2 × 590.00 = 3,850.00 net; Dutch buyer: 21 % VAT.
    expect(order).toMatchObject({
      companyId: company.id,
      buyerId: buyer.id,
      licenseGroupId: group.id,
      status: "PLACED",
      paymentMethod: "INVOICE",
      netCents: 385_000,
      vatCents: 80_850,
      totalCents: 465_850,
    });
    expect(order.vatRate.toString()).toBe("0.21");
    expect(order.lines).toHaveLength(3);
    expect(new Set(order.lines.map((line) => line.licenseId))).toEqual(new Set(licenses.map((license) => license.id)));

    const mails = await db().emailMessage.findMany({ where: { companyId: company.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "purchase-confirmation", toAddress: buyer.email, userId: buyer.id, status: "PENDING" });
    const payload = mails[0]!.payload as {
      startUrl: string;
      lines: { productName: string; licenseType: string; seats: number }[];
      totalFormatted: string;
    };
    expect(payload.startUrl).toMatch(new RegExp(`^https?://[^/]+/software-management/${group.id}$`));
    expect(payload.lines).toEqual([
      { productName: "PROFIS Engineering", licenseType: "FLOATING", seats: 3, kind: "NEW_LICENSE" },
      { productName: "PROFIS Layout Office", licenseType: "NODE_LOCKED", seats: 2, kind: "NEW_LICENSE" },
    ]);
    expect(payload.totalFormatted).toMatch(/4\.658,50/);
    // Decision 021: the mail links to the invoice, by its number.
    expect(mails[0]!.payload).toMatchObject({
      invoice: { number: `F${String(order.invoiceNumber).padStart(8, "0")}`, paymentTermDays: 30 },
    });
    expect((mails[0]!.payload as { invoice: { url: string } }).invoice.url).toMatch(new RegExp(`/shop/orders/${order.id}/invoice$`));

    const actions = (await db().auditEvent.findMany({ where: { companyId: company.id }, select: { action: true } }))
      .map((event) => event.action)
      .sort();
    expect(actions).toEqual([
      "company.created",
      "license-group.created",
      "license.created",
      "license.created",
      "license.created",
      "member.added",
      "order.placed",
    ]);
  });

  test("an EU buyer with a VAT number pays no VAT (reverse charge); without one, their country's rate", async () => {
    const buyer = await createTestAccount();
    const reverse = await placeOrder({
      actor: buyer,
      newCompany: { name: uniqueName("Peeters"), country: "BE", vatNumber: "be0123456789" },
      lines: [floatingEngineering(1)],
      idempotencyKey: key(),
    });
    expect(reverse.order).toMatchObject({ netCents: 89_000, vatCents: 0, totalCents: 89_000 });
    const german = await placeOrder({
      actor: buyer,
      newCompany: { name: uniqueName("Bau"), country: "DE" },
      lines: [floatingEngineering(1)],
      idempotencyKey: key(),
    });
    expect(german.order).toMatchObject({ netCents: 89_000, vatCents: 16_910, totalCents: 105_910 });
    expect(await db().company.findUniqueOrThrow({ where: { id: reverse.order.companyId } })).toMatchObject({ vatNumber: "BE0123456789" });
  });
});

describe("a buyer in an existing company", () => {
  test("new licenses go into the group of the company's SAP account", async () => {
    const tenant = await createTestTenant();
    const { order } = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(2)],
      idempotencyKey: key(),
    });
    expect(order.licenseGroupId).toBe(tenant.group.id);
    expect(await db().licenseGroup.count({ where: { companyId: tenant.company.id } })).toBe(1);
    expect(await db().license.count({ where: { groupId: tenant.group.id } })).toBe(1);
  });

  test("decision 011: a plain user cannot buy for the company (and so cannot make themselves ADMIN)", async () => {
    const tenant = await createTestTenant();
    const buyer = await tenant.addUser("USER");
    const before = await countsFor(tenant.company.name);
    await expect(
      placeOrder({ actor: buyer, companyId: tenant.company.id, lines: [floatingEngineering(2)], idempotencyKey: key() }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "ADMIN_REQUIRED" },
    });
    expect(await countsFor(tenant.company.name)).toEqual(before);
    expect(await db().membership.findFirstOrThrow({ where: { userId: buyer.id, companyId: tenant.company.id } })).toMatchObject({
      role: "USER",
    });
  });

  test("a company whose groups are all in other SAP accounts gets a new group", async () => {
    const tenant = await createTestTenant();
    await db().licenseGroup.update({ where: { id: tenant.group.id }, data: { sapAccountNumber: "0000001234" } });
    const { order } = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(1)],
      idempotencyKey: key(),
    });
    expect(order.licenseGroupId).not.toBe(tenant.group.id);
    expect(await db().licenseGroup.findUniqueOrThrow({ where: { id: order.licenseGroupId! } })).toMatchObject({
      sapAccountNumber: tenant.company.sapAccountNumber,
    });
  });

  test("R28: someone who is not a member cannot buy for the company, and nothing is written", async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const before = await countsFor(tenant.company.name);
    await expect(
      placeOrder({ actor: other.admin, companyId: tenant.company.id, lines: [floatingEngineering(1)], idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await countsFor(tenant.company.name)).toEqual(before);
  });
});

describe("R6: Enterprise is not sold online", () => {
  test("is refused however it is sent", async () => {
    const tenant = await createTestTenant();
    const enterprise = await createLicense({
      actor: tenant.staff,
      groupId: tenant.group.id,
      productCode: "PROFIS_ENGINEERING",
      type: "NAMED_USER",
      seats: 5,
      edition: "ENTERPRISE",
    });
    const attempts = [
      [{ ...floatingEngineering(1), edition: "ENTERPRISE" }],
      [{ ...floatingEngineering(1), edition: " enterprise " }],
      [{ kind: "ADD_SEATS", licenseId: enterprise.id, seats: 1, edition: "ENTERPRISE" }],
      [{ kind: "ADD_SEATS", licenseId: enterprise.id, seats: 1 }],
      [{ kind: "RENEWAL", licenseId: enterprise.id }],
      [floatingEngineering(1), { kind: "RENEWAL", licenseId: enterprise.id }],
    ];
    const before = await countsFor(tenant.company.name);
    for (const lines of attempts) {
      await expect(
        placeOrder({ actor: tenant.admin, companyId: tenant.company.id, lines: lines as never, idempotencyKey: key() }),
        JSON.stringify(lines),
      ).rejects.toMatchObject({ code: "FORBIDDEN", details: { reason: "ENTERPRISE_NOT_SOLD_ONLINE" } });
    }
    expect(await countsFor(tenant.company.name)).toEqual(before);
    expect(await db().license.findUniqueOrThrow({ where: { id: enterprise.id } })).toMatchObject({
      seats: 5,
      validUntil: enterprise.validUntil,
    });
  });
});

describe("invalid orders", () => {
  test("name the offending field", async () => {
    const tenant = await createTestTenant();
    const order = (lines: unknown[]) =>
      placeOrder({ actor: tenant.admin, companyId: tenant.company.id, lines: lines as never, idempotencyKey: key() });
    await expect(order([{ ...floatingEngineering(1), type: "NODE_LOCKED" }])).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: { "lines.0.type": "invalid" } },
    });
    await expect(order([floatingEngineering(0)])).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: { "lines.0.seats": "too small" } },
    });
    await expect(order([nodeLockedLayout(51)])).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: { "lines.0.seats": "too large" } },
    });
    await expect(placeOrder({ actor: tenant.admin, lines: [floatingEngineering(1)], idempotencyKey: key() })).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: { companyId: "required" } },
    });
  });
});

describe("idempotency: one checkout, one order", () => {
  test("the same key again returns the first order and writes nothing", async () => {
    const tenant = await createTestTenant();
    const idempotencyKey = key();
    const first = await placeOrder({ actor: tenant.admin, companyId: tenant.company.id, lines: [floatingEngineering(2)], idempotencyKey });
    const before = await countsFor(tenant.company.name);
    const again = await placeOrder({ actor: tenant.admin, companyId: tenant.company.id, lines: [floatingEngineering(2)], idempotencyKey });
    expect(again).toMatchObject({ isReplay: true, order: { id: first.order.id } });
    expect(await countsFor(tenant.company.name)).toEqual(before);
    // Another person's key is no answer for this buyer.
    const other = await tenant.addUser("ADMIN");
    await expect(
      placeOrder({ actor: other, companyId: tenant.company.id, lines: [floatingEngineering(2)], idempotencyKey }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "IDEMPOTENCY_KEY_REUSED" } });
  });

  test("two concurrent submits of one checkout make one order (existing company)", async () => {
    const tenant = await createTestTenant();
    const idempotencyKey = key();
    const submit = () => placeOrder({ actor: tenant.admin, companyId: tenant.company.id, lines: [floatingEngineering(4)], idempotencyKey });
    const [a, b] = await Promise.all([submit(), submit()]);
    expect(a.order.id).toBe(b.order.id);
    expect([a.isReplay, b.isReplay].sort()).toEqual([false, true]);
    expect(await countsFor(tenant.company.name)).toMatchObject({ orders: 1, licenses: 1, emails: 1 });
  });

  test("two concurrent submits of one checkout make one order (new company)", async () => {
    const buyer = await createTestAccount();
    const idempotencyKey = key();
    const name = uniqueName("Dubbel");
    const submit = () => placeOrder({ actor: buyer, newCompany: { name, country: "NL" }, lines: [nodeLockedLayout(1)], idempotencyKey });
    const [a, b] = await Promise.all([submit(), submit()]);
    expect(a.order.id).toBe(b.order.id);
    expect(await countsFor(name)).toMatchObject({ companies: 1, groups: 1, orders: 1, licenses: 1, emails: 1 });
  });
});

describe("more seats and renewals", () => {
  test("ADD_SEATS raises the seats of the company's license and prices them per year", async () => {
    const tenant = await createTestTenant();
    const license = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
    const { order } = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [{ kind: "ADD_SEATS", licenseId: license.id, seats: 3 }],
      idempotencyKey: key(),
    });
    expect(await db().license.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({
      seats: 5,
      version: license.version + 1,
      validUntil: license.validUntil,
    });
    expect(order).toMatchObject({ licenseGroupId: tenant.group.id, netCents: 267_000 });
    expect(order.lines).toMatchObject([
      { kind: "ADD_SEATS", licenseId: license.id, seats: 3, unitPriceCents: 89_000, type: "FLOATING", edition: "STANDARD" },
    ]);
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "license.seats-added", licenseId: license.id } })).toMatchObject({
      data: { seatsBefore: 2, seats: 5, added: 3 },
    });
  });

  test("seats added mid-term are priced for the days left, as the checkout quoted", async () => {
    const tenant = await createTestTenant();
    const license = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
    const clock = fixedClock(new Date(license.validUntil.getTime() - 100 * DAY_MS));
    const quote = await quoteCheckout({ actor: tenant.admin, lines: [{ kind: "ADD_SEATS", licenseId: license.id, seats: 3 }], clock });
    const { order } = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [{ kind: "ADD_SEATS", licenseId: license.id, seats: 3 }],
      idempotencyKey: key(),
      clock,
    });
    // € 890 a year, 100 of 365 days left: € 243,84 a seat.
    expect(order.lines).toMatchObject([{ kind: "ADD_SEATS", seats: 3, unitPriceCents: 24_384 }]);
    expect(order.netCents).toBe(3 * 24_384);
    expect(quote.netCents).toBe(order.netCents);
  });

  test("ADD_SEATS refuses another company's license (R28) and a node-locked one", async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const foreign = await other.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
    const nodeLocked = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED", 1);
    await expect(
      placeOrder({
        actor: tenant.admin,
        companyId: tenant.company.id,
        lines: [{ kind: "ADD_SEATS", licenseId: foreign.id, seats: 1 }],
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      placeOrder({
        actor: tenant.admin,
        companyId: tenant.company.id,
        lines: [{ kind: "ADD_SEATS", licenseId: nodeLocked.id, seats: 1 }],
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "INVALID",
      details: { reason: "NODE_LOCKED_SINGLE_SEAT" },
    });
    expect(await db().license.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ seats: 2 });
    expect(await db().license.findUniqueOrThrow({ where: { id: nodeLocked.id } })).toMatchObject({ seats: 1 });
  });

  test("ADD_SEATS refuses an expired license (renew it first) and leaves it as it was", async () => {
    const tenant = await createTestTenant();
    const ended = await createLicense({
      actor: tenant.staff,
      groupId: tenant.group.id,
      productCode: "PROFIS_ENGINEERING",
      type: "FLOATING",
      seats: 2,
      validFrom: new Date("2025-01-01T00:00:00Z"),
      validUntil: new Date("2026-01-01T00:00:00Z"),
    });
    const before = await countsFor(tenant.company.name);
    await expect(
      placeOrder({
        actor: tenant.admin,
        companyId: tenant.company.id,
        lines: [{ kind: "ADD_SEATS", licenseId: ended.id, seats: 1 }],
        idempotencyKey: key(),
        clock: fixedClock("2026-06-01T12:00:00Z"),
      }),
    ).rejects.toMatchObject({ code: "INVALID", details: { reason: "LICENSE_EXPIRED", fields: { "lines.0.licenseId": "invalid" } } });
    expect(await db().license.findUniqueOrThrow({ where: { id: ended.id } })).toMatchObject({ seats: 2, version: ended.version });
    expect(await countsFor(tenant.company.name)).toEqual(before);
  });

  test("RENEWAL adds a year to the end date (or to today once ended) and clears the reminder mark", async () => {
    const tenant = await createTestTenant();
    const clock = fixedClock("2026-06-01T12:00:00Z");
    const running = await createLicense({
      actor: tenant.staff,
      groupId: tenant.group.id,
      productCode: "PROFIS_LAYOUT_OFFICE",
      type: "FLOATING",
      seats: 4,
      validFrom: new Date("2025-06-11T12:00:00Z"),
      validUntil: new Date("2026-06-11T12:00:00Z"),
    });
    await db().license.update({ where: { id: running.id }, data: { expiryReminderSentAt: new Date("2026-05-12T12:00:00Z") } });
    const ended = await createLicense({
      actor: tenant.staff,
      groupId: tenant.group.id,
      productCode: "PROFIS_ENGINEERING",
      type: "NAMED_USER",
      seats: 2,
      validFrom: new Date("2025-01-01T00:00:00Z"),
      validUntil: new Date("2026-01-01T00:00:00Z"),
    });
    const { order } = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [
        { kind: "RENEWAL", licenseId: running.id },
        { kind: "RENEWAL", licenseId: ended.id },
      ],
      idempotencyKey: key(),
      clock,
    });
    expect(await db().license.findUniqueOrThrow({ where: { id: running.id } })).toMatchObject({
      validUntil: new Date("2027-06-11T12:00:00Z"),
      expiryReminderSentAt: null,
      seats: 4,
    });
    expect(await db().license.findUniqueOrThrow({ where: { id: ended.id } })).toMatchObject({
      validUntil: new Date("2027-06-01T12:00:00Z"),
    });
    // 4 × 990.00 + 2 × 490.00
    expect(order.netCents).toBe(4 * 99_000 + 2 * 49_000);
    expect(order.lines.map((line) => [line.kind, line.seats])).toEqual([
      ["RENEWAL", 4],
      ["RENEWAL", 2],
    ]);
    expect(await db().auditEvent.count({ where: { action: "license.renewed", licenseId: { in: [running.id, ended.id] } } })).toBe(2);
  });
});

describe("all or nothing", () => {
  test("a line that fails after licenses were created leaves no company, group, license, order or mail", async () => {
    const buyer = await createTestAccount();
    const other = await createTestTenant();
    const foreign = await other.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
    const name = uniqueName("Halfweg");
    await expect(
      placeOrder({
        actor: buyer,
        newCompany: { name, country: "NL" },
        lines: [floatingEngineering(2), nodeLockedLayout(1), { kind: "ADD_SEATS", licenseId: foreign.id, seats: 1 }],
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await countsFor(name)).toEqual({ companies: 0, groups: 0, licenses: 0, orders: 0, emails: 0, auditEvents: 0 });
    expect(await db().membership.count({ where: { userId: buyer.id } })).toBe(0);
  });

  test("when the last step (the confirmation mail) fails, nothing of the order remains", async () => {
    const tenant = await createTestTenant();
    const before = await countsFor(tenant.company.name);
    const buyer = tenant.admin;
    const failingMail = (db() as PrismaClient).$extends({
      query: {
        emailMessage: {
          create: () => Promise.reject(new Error("mail outbox unavailable")),
        },
      },
    });
    const idempotencyKey = key();
    await expect(
      placeOrder({
        actor: buyer,
        companyId: tenant.company.id,
        lines: [floatingEngineering(2), nodeLockedLayout(1)],
        idempotencyKey,
        db: failingMail as unknown as PrismaClient,
      }),
    ).rejects.toThrow("mail outbox unavailable");
    expect(await countsFor(tenant.company.name)).toEqual(before);
    expect(await db().order.count({ where: { idempotencyKey } })).toBe(0);
    // The same checkout can be submitted again once the outbox is back.
    const { order } = await placeOrder({
      actor: buyer,
      companyId: tenant.company.id,
      lines: [floatingEngineering(2), nodeLockedLayout(1)],
      idempotencyKey,
    });
    expect(order.lines).toHaveLength(2);
  });
});
