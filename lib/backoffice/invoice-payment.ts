// R6: an order paid by invoice waits for its payment until staff record it (markInvoicePaid in
// mark-handled.ts, whose conditional UPDATE states the same rule in SQL). The orders list offers
// "Paid" exactly for these.
import type { OrderStatus, PaymentMethod } from "@prisma/client";

export function isAwaitingInvoicePayment(order: { paymentMethod: PaymentMethod; status: OrderStatus; invoicePaidAt: Date | null }): boolean {
  return order.paymentMethod === "INVOICE" && order.status === "PLACED" && order.invoicePaidAt === null;
}
