// An invoice's number and payment status (decision 021), one rule for the orders list and the invoice.
import type { OrderStatus, PaymentMethod } from "@prisma/client";
import { isAwaitingInvoicePayment } from "@/lib/backoffice/invoice-payment";
import { invoicePayment } from "@/lib/shop/payment-methods";

const DAY_MS = 24 * 60 * 60 * 1000;

/** "F00000042": the invoice number as printed (one sequence for all orders, so never reused). */
export function invoiceNumberLabel(invoiceNumber: number): string {
  return `F${String(invoiceNumber).padStart(8, "0")}`;
}

export type InvoiceStatus =
  { state: "OPEN"; dueAt: Date } | { state: "OVERDUE"; dueAt: Date } | { state: "PAID"; paidAt: Date | null } | { state: "CANCELLED" };

type InvoicedOrder = { status: OrderStatus; paymentMethod: PaymentMethod; invoicePaidAt: Date | null; createdAt: Date };

export function invoiceDueAt(order: Pick<InvoicedOrder, "createdAt">): Date {
  return new Date(order.createdAt.getTime() + invoicePayment.paymentTermDays * DAY_MS);
}

export function invoiceStatus(order: InvoicedOrder, now: Date): InvoiceStatus {
  if (order.status === "CANCELLED") return { state: "CANCELLED" };
  if (!isAwaitingInvoicePayment(order)) return { state: "PAID", paidAt: order.invoicePaidAt };
  const dueAt = invoiceDueAt(order);
  return now.getTime() > dueAt.getTime() ? { state: "OVERDUE", dueAt } : { state: "OPEN", dueAt };
}
