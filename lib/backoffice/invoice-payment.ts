// R6: which orders await their invoice's payment; markInvoicePaid's conditional UPDATE states the same in SQL.
import type { OrderStatus, PaymentMethod } from "@prisma/client";

export function isAwaitingInvoicePayment(order: {
  paymentMethod: PaymentMethod;
  status: OrderStatus;
  invoicePaidAt: Date | null;
}): boolean {
  return order.paymentMethod === "INVOICE" && order.status === "PLACED" && order.invoicePaidAt === null;
}
