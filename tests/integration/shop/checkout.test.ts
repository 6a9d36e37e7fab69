// The checkout's reads (R6, R7): the server's price of what is bought, whom a USER is told
// to ask (decision 011), and who may see an order's confirmation (R28).
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { createLicense } from "@/lib/licenses/create-license";
import { getCheckoutCompany } from "@/lib/shop/get-checkout-company";
import { getOrderForViewer } from "@/lib/shop/get-order-for-viewer";
import { placeOrder } from "@/lib/shop/place-order";
import { quoteCheckout } from "@/lib/shop/quote-checkout";
import { createTestAccount, createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;
const floatingEngineering = (seats: number) =>
  ({ kind: "NEW_LICENSE", productCode: "PROFIS_ENGINEERING", edition: "STANDARD", type: "FLOATING", seats }) as const;

describe("quoteCheckout", () => {
  test("R6: a new license is priced from the catalogue for a year from now, for anyone", async () => {
    await createTestTenant();
    const buyer = await createTestAccount();
    const clock = fixedClock("2026-03-01T09:00:00Z");
    const quote = await quoteCheckout({ actor: buyer, lines: [floatingEngineering(3)], clock });
    expect(quote.fixedCompany).toBeNull();
    expect(quote.netCents).toBe(3 * 89_000);
    expect(quote.lines).toEqual([
      expect.objectContaining({
        kind: "NEW_LICENSE",
        productName: "PROFIS Engineering",
        type: "FLOATING",
        seats: 3,
        unitPriceCents: 89_000,
        netCents: 267_000,
        licenseId: null,
      }),
    ]);
    expect(quote.lines[0]!.validUntilAfterOrder).toEqual(new Date(clock.now().getTime() + 365 * DAY_MS));
  });

  test("R6: Enterprise is never priced, and what the shop does not sell is INVALID", async () => {
    await createTestTenant();
    const buyer = await createTestAccount();
    await expect(quoteCheckout({ actor: buyer, lines: [{ ...floatingEngineering(1), edition: "ENTERPRISE" }] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "ENTERPRISE_NOT_SOLD_ONLINE" },
    });
    await expect(quoteCheckout({ actor: buyer, lines: [{ ...floatingEngineering(1), type: "NODE_LOCKED" }] })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(
      quoteCheckout({
        actor: buyer,
        lines: [{ kind: "NEW_LICENSE", productCode: "NOPE", edition: "STANDARD", type: "FLOATING", seats: 1 }],
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  test("more seats (pro rata, for the days left) and another year fix the company to the license's and are priced per seat", async () => {
    const tenant = await createTestTenant({ country: "BE" });
    const license = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 4);
    const clock = fixedClock(new Date(license.validUntil.getTime() - 10 * DAY_MS));
    const more = await quoteCheckout({ actor: tenant.admin, lines: [{ kind: "ADD_SEATS", licenseId: license.id, seats: 2 }], clock });
    expect(more.fixedCompany).toMatchObject({ id: tenant.company.id, name: tenant.company.name, country: "BE" });
    // Seats added 10 days before the end cost 10/365 of the year's € 490 each.
    expect(more.lines[0]).toMatchObject({
      kind: "ADD_SEATS",
      seats: 2,
      unitPriceCents: 1_342,
      netCents: 2_684,
      licenseId: license.id,
      validUntilAfterOrder: license.validUntil,
      proRata: { daysLeft: 10, yearUnitPriceCents: 49_000 },
    });

    const renewal = await quoteCheckout({ actor: tenant.admin, lines: [{ kind: "RENEWAL", licenseId: license.id }], clock });
    // R31: a year from the license's end (not from today), for all its seats.
    expect(renewal.lines[0]).toMatchObject({ kind: "RENEWAL", seats: 4, netCents: 4 * 49_000, validUntil: license.validUntil });
    expect(renewal.lines[0]!.validUntilAfterOrder).toEqual(new Date(license.validUntil.getTime() + 365 * DAY_MS));
  });

  test("an expired license is renewed from today and gets no more seats before that", async () => {
    const tenant = await createTestTenant();
    const license = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
    const clock = fixedClock(new Date(license.validUntil.getTime() + 5 * DAY_MS));
    await expect(
      quoteCheckout({ actor: tenant.admin, lines: [{ kind: "ADD_SEATS", licenseId: license.id, seats: 1 }], clock }),
    ).rejects.toMatchObject({ code: "INVALID", details: { reason: "LICENSE_EXPIRED" } });
    const renewal = await quoteCheckout({ actor: tenant.admin, lines: [{ kind: "RENEWAL", licenseId: license.id }], clock });
    expect(renewal.lines[0]!.validUntilAfterOrder).toEqual(new Date(clock.now().getTime() + 365 * DAY_MS));
  });

  test("a node-locked license gets no extra seat (it is one machine); Enterprise licenses are not extended online", async () => {
    const tenant = await createTestTenant();
    const nodeLocked = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED", 1);
    await expect(
      quoteCheckout({ actor: tenant.admin, lines: [{ kind: "ADD_SEATS", licenseId: nodeLocked.id, seats: 1 }] }),
    ).rejects.toMatchObject({ code: "INVALID", details: { reason: "NODE_LOCKED_SINGLE_SEAT" } });
    const enterprise = await createLicense({
      actor: tenant.staff,
      groupId: tenant.group.id,
      productCode: "PROFIS_ENGINEERING",
      type: "NAMED_USER",
      seats: 5,
      edition: "ENTERPRISE",
    });
    await expect(quoteCheckout({ actor: tenant.admin, lines: [{ kind: "RENEWAL", licenseId: enterprise.id }] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "ENTERPRISE_NOT_SOLD_ONLINE" },
    });
  });

  test("R28, decision 011: another company's license is NOT_FOUND, like a missing one; a USER is FORBIDDEN", async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const license = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
    const user = await tenant.addUser("USER");
    await expect(quoteCheckout({ actor: other.admin, lines: [{ kind: "RENEWAL", licenseId: license.id }] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(quoteCheckout({ actor: other.admin, lines: [{ kind: "RENEWAL", licenseId: randomUUID() }] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(quoteCheckout({ actor: user, lines: [{ kind: "ADD_SEATS", licenseId: license.id, seats: 1 }] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("one order buys for one company", async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    await db().membership.create({ data: { userId: tenant.admin.id, companyId: other.company.id, role: "ADMIN" } });
    const mine = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
    const theirs = await other.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
    await expect(
      quoteCheckout({
        actor: tenant.admin,
        lines: [
          { kind: "RENEWAL", licenseId: mine.id },
          { kind: "RENEWAL", licenseId: theirs.id },
        ],
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("getCheckoutCompany", () => {
  test("an ADMIN may buy for the company; a USER is told its administrators by name", async () => {
    const tenant = await createTestTenant();
    const secondAdmin = await tenant.addUser("ADMIN");
    const user = await tenant.addUser("USER");
    await expect(getCheckoutCompany({ actor: tenant.admin, companyId: tenant.company.id })).resolves.toMatchObject({
      id: tenant.company.id,
      canBuy: true,
      administrators: [],
    });
    const forUser = await getCheckoutCompany({ actor: user, companyId: tenant.company.id });
    expect(forUser).toMatchObject({ id: tenant.company.id, name: tenant.company.name, country: "NL", canBuy: false });
    expect(forUser.administrators.map((admin) => admin.email).sort()).toEqual([tenant.admin.email, secondAdmin.email].sort());
    expect(forUser.administrators[0]!.name).toBe("Admin Person");
  });

  test("R28: a company the buyer is no contact of is NOT_FOUND", async () => {
    const tenant = await createTestTenant();
    const stranger = await createTestAccount();
    await expect(getCheckoutCompany({ actor: stranger, companyId: tenant.company.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCheckoutCompany({ actor: stranger, companyId: "not-an-id" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getOrderForViewer", () => {
  test("R7, R28: the buyer and the company's admins see the order; a USER of it and strangers get NOT_FOUND", async () => {
    const tenant = await createTestTenant({ country: "DE" });
    const placed = await placeOrder({
      actor: tenant.admin,
      companyId: tenant.company.id,
      lines: [floatingEngineering(2)],
      idempotencyKey: `checkout-${randomUUID()}`,
    });
    const otherAdmin = await tenant.addUser("ADMIN");
    const user = await tenant.addUser("USER");
    const stranger = await createTestAccount();

    const seen = await getOrderForViewer({ actor: tenant.admin, orderId: placed.order.id });
    // A German buyer without a VAT number pays German VAT (19 %).
    expect(seen).toMatchObject({
      id: placed.order.id,
      number: `ORD-${placed.order.id.slice(0, 8).toUpperCase()}`,
      status: "PLACED",
      paymentMethod: "INVOICE",
      company: { id: tenant.company.id, country: "DE" },
      licenseGroupId: tenant.group.id,
      netCents: 178_000,
      vatCents: 33_820,
      totalCents: 211_820,
      vatRateBasisPoints: 1900,
    });
    expect(seen.lines).toEqual([
      expect.objectContaining({
        kind: "NEW_LICENSE",
        productName: "PROFIS Engineering",
        type: "FLOATING",
        seats: 2,
        unitPriceCents: 89_000,
      }),
    ]);
    await expect(getOrderForViewer({ actor: otherAdmin, orderId: placed.order.id })).resolves.toMatchObject({ id: placed.order.id });
    await expect(getOrderForViewer({ actor: user, orderId: placed.order.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrderForViewer({ actor: stranger, orderId: placed.order.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrderForViewer({ actor: tenant.admin, orderId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrderForViewer({ actor: tenant.admin, orderId: "ORD-1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
