// R7: an order, for its buyer and the company's admins; anyone else gets NOT_FOUND (R28).
import "server-only";
import type { LicenseEdition, LicenseType, OrderLineKind, OrderStatus, PaymentMethod } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { displayName } from "@/lib/auth/current-user";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { invoiceDueAt, invoiceNumberLabel, invoiceStatus, type InvoiceStatus } from "@/lib/shop/invoice-status";
import { orderNumber } from "@/lib/shop/purchase-confirmation-email";
import { isRecordId } from "@/lib/validation/record-id";

export type ViewedOrder = {
  id: string;
  number: string;
  createdAt: Date;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  company: { id: string; name: string; country: string };
  licenseGroupId: string | null;
  netCents: number;
  vatCents: number;
  totalCents: number;
  /** Basis points (2100 = 21 %). */
  vatRateBasisPoints: number;
  lines: {
    id: string;
    kind: OrderLineKind;
    productName: string;
    edition: LicenseEdition;
    type: LicenseType;
    seats: number;
    unitPriceCents: number;
  }[];
  /** Decision 021: what the printable invoice shows besides the lines. */
  invoiceNumber: string;
  invoice: InvoiceStatus;
  dueAt: Date;
  purchaseOrderNumber: string | null;
  buyer: { name: string; email: string };
  /** As it was when the order was placed; null for orders placed without one. */
  billingAddress: { name: string; attention: string | null; street: string; postalCode: string; city: string; country: string } | null;
  companyVatNumber: string | null;
};

export async function getOrderForViewer(options: { actor: Actor; orderId: string; clock?: Clock; db?: DbClient }): Promise<ViewedOrder> {
  if (!isRecordId(options.orderId)) throw notFound("Order");
  const order = await (options.db ?? processDb()).order.findFirst({
    where: {
      id: options.orderId,
      OR: [{ buyerId: options.actor.id }, { company: { memberships: { some: { userId: options.actor.id, role: "ADMIN" } } } }],
    },
    include: {
      company: { select: { id: true, name: true, country: true, vatNumber: true } },
      buyer: { select: { firstName: true, lastName: true, email: true } },
      lines: { include: { product: { select: { name: true } } }, orderBy: { id: "asc" } },
    },
  });
  if (!order) throw notFound("Order");
  const { vatNumber: companyVatNumber, ...company } = order.company;
  const billingAddress =
    order.billingStreet && order.billingPostalCode && order.billingCity && order.billingCountry
      ? {
          name: order.billingName ?? company.name,
          attention: order.billingAttention,
          street: order.billingStreet,
          postalCode: order.billingPostalCode,
          city: order.billingCity,
          country: order.billingCountry,
        }
      : null;
  return {
    id: order.id,
    number: orderNumber(order),
    createdAt: order.createdAt,
    status: order.status,
    paymentMethod: order.paymentMethod,
    company,
    companyVatNumber: order.billingVatNumber ?? companyVatNumber,
    licenseGroupId: order.licenseGroupId,
    netCents: order.netCents,
    vatCents: order.vatCents,
    totalCents: order.totalCents,
    vatRateBasisPoints: Math.round(Number(order.vatRate) * 10_000),
    lines: order.lines.map((line) => ({
      id: line.id,
      kind: line.kind,
      productName: line.product.name,
      edition: line.edition,
      type: line.type,
      seats: line.seats,
      unitPriceCents: line.unitPriceCents,
    })),
    invoiceNumber: invoiceNumberLabel(order.invoiceNumber),
    invoice: invoiceStatus(order, (options.clock ?? systemClock).now()),
    dueAt: invoiceDueAt(order),
    purchaseOrderNumber: order.purchaseOrderNumber,
    buyer: { name: displayName(order.buyer), email: order.buyer.email },
    billingAddress,
  };
}
