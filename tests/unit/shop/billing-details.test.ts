// Decision 021: postal codes as each country writes them, and the invoice's number and status.
import { describe, expect, test } from "vitest";
import { normalizedPostalCode } from "@/lib/shop/billing-details";
import { invoiceNumberLabel, invoiceStatus } from "@/lib/shop/invoice-status";

describe("normalizedPostalCode", () => {
  test.each([
    ["3526kl", "NL", "3526 KL"],
    [" 1012  ab ", "NL", "1012 AB"],
    ["2000", "BE", "2000"],
    ["1234", "LU", "L-1234"],
    ["l-1234", "LU", "L-1234"],
    ["80331", "DE", "80331"],
    ["sw1a 1aa", "GB", "SW1A 1AA"],
  ])("%s in %s is %s", (typed, country, written) => {
    expect(normalizedPostalCode(typed, country)).toBe(written);
  });

  test.each([
    ["3526", "NL"],
    ["3526 K", "NL"],
    ["20000", "BE"],
    ["8033", "DE"],
    ["--", "GB"],
    ["12#45", "US"],
  ])("%s cannot be a postal code in %s", (typed, country) => {
    expect(normalizedPostalCode(typed, country)).toBeNull();
  });
});

describe("invoice", () => {
  const placed = new Date("2026-03-01T09:00:00Z");
  const order = { status: "PLACED", paymentMethod: "INVOICE", invoicePaidAt: null, createdAt: placed } as const;

  test("numbers are printed with eight digits", () => {
    expect(invoiceNumberLabel(42)).toBe("F00000042");
    expect(invoiceNumberLabel(123_456_789)).toBe("F123456789");
  });

  test("open until the 30-day term ends, overdue after, paid once recorded, cancelled stays so", () => {
    const dueAt = new Date("2026-03-31T09:00:00Z");
    expect(invoiceStatus(order, dueAt)).toEqual({ state: "OPEN", dueAt });
    expect(invoiceStatus(order, new Date(dueAt.getTime() + 1))).toEqual({ state: "OVERDUE", dueAt });
    const paidAt = new Date("2026-04-02T10:00:00Z");
    expect(invoiceStatus({ ...order, status: "PAID", invoicePaidAt: paidAt }, new Date("2026-05-01"))).toEqual({ state: "PAID", paidAt });
    expect(invoiceStatus({ ...order, status: "CANCELLED" }, new Date("2026-05-01"))).toEqual({ state: "CANCELLED" });
  });
});
