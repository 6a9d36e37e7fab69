import { expect, test } from "vitest";
import { isAwaitingInvoicePayment } from "@/lib/backoffice/invoice-payment";

const placedByInvoice = { paymentMethod: "INVOICE", status: "PLACED", invoicePaidAt: null } as const;

test("R6: only a placed order paid by invoice, not yet recorded as paid, waits for its payment", () => {
  expect(isAwaitingInvoicePayment(placedByInvoice)).toBe(true);
  expect(isAwaitingInvoicePayment({ ...placedByInvoice, invoicePaidAt: new Date() })).toBe(false);
  expect(isAwaitingInvoicePayment({ ...placedByInvoice, status: "PAID" })).toBe(false);
  expect(isAwaitingInvoicePayment({ ...placedByInvoice, status: "CANCELLED" })).toBe(false);
});
