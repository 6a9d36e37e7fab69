// R6: how an order is paid; the one method is "pay by invoice": the licenses work at once and the back office
// records the payment (Order.invoicePaidAt). Another provider would be added here.
import type { PaymentMethod } from "@prisma/client";

type PaymentProvider = {
  method: PaymentMethod;
  /** True when the licenses are delivered before the money arrives (the order is PLACED, not PAID). */
  deliversBeforePayment: boolean;
  /** Invoice terms in days, shown at checkout and on the confirmation. */
  paymentTermDays: number;
};

export const invoicePayment: PaymentProvider = { method: "INVOICE", deliversBeforePayment: true, paymentTermDays: 30 };

/** The default first. */
const paymentProviders: readonly PaymentProvider[] = [invoicePayment];

export const paymentMethods = paymentProviders.map((provider) => provider.method) as [PaymentMethod, ...PaymentMethod[]];
