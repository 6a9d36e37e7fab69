// R7: the order confirmation page. An order is shown to its buyer and to the admins of the company
// it was placed for; anyone else gets the same NOT_FOUND as for an order that does not exist (R28).
import "server-only";
import type { LicenseEdition, LicenseType, OrderLineKind, OrderStatus, PaymentMethod } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
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
  /** The VAT rate in basis points (2100 = 21 %). */
  vatRateBasisPoints: number;
  lines: { id: string; kind: OrderLineKind; productName: string; edition: LicenseEdition; type: LicenseType; seats: number; unitPriceCents: number }[];
};

export async function getOrderForViewer(options: { actor: Actor; orderId: string; db?: DbClient }): Promise<ViewedOrder> {
  if (!isRecordId(options.orderId)) throw notFound("Order");
  const order = await (options.db ?? processDb()).order.findFirst({
    where: {
      id: options.orderId,
      OR: [{ buyerId: options.actor.id }, { company: { memberships: { some: { userId: options.actor.id, role: "ADMIN" } } } }],
    },
    include: {
      company: { select: { id: true, name: true, country: true } },
      lines: { include: { product: { select: { name: true } } }, orderBy: { id: "asc" } },
    },
  });
  if (!order) throw notFound("Order");
  return {
    id: order.id,
    number: orderNumber(order),
    createdAt: order.createdAt,
    status: order.status,
    paymentMethod: order.paymentMethod,
    company: order.company,
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
  };
}
