// R6: how an order is paid. Payment goes through a provider interface so a card or bank provider
// can be added later; the built-in method is "pay by invoice", which is how B2B software is often
// bought: the order is placed, the licenses work at once and the invoice's status is tracked on
// the order (Order.invoicePaidAt, set by the back office). There is no card form anywhere.
import type { PaymentMethod } from "@prisma/client";

type PaymentProvider = {
  method: PaymentMethod;
  /** True when the licenses are delivered before the money arrives (the order is PLACED, not PAID). */
  deliversBeforePayment: boolean;
  /** Invoice terms in days, shown at checkout and on the confirmation. */
  paymentTermDays: number;
};

export const invoicePayment: PaymentProvider = { method: "INVOICE", deliversBeforePayment: true, paymentTermDays: 30 };

/** Every method the checkout offers, the default first. */
const paymentProviders: readonly PaymentProvider[] = [invoicePayment];

export const paymentMethods = paymentProviders.map((provider) => provider.method) as [PaymentMethod, ...PaymentMethod[]];
