// R31: orders for staff to follow up (pay by invoice), newest first, open ones or all.
import "server-only";
import type { OrderStatus, PaymentMethod } from "@prisma/client";
import { listHandledRecords, type ListHandledRecordsOptions } from "@/lib/backoffice/list-handled-records";
import type { Paged } from "@/lib/backoffice/pagination";

export type BackofficeOrder = {
  id: string;
  createdAt: Date;
  company: { id: string; name: string; country: string };
  buyerEmail: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  totalCents: number;
  currency: string;
  lines: { productName: string; kind: string; edition: string; type: string; seats: number }[];
  invoicePaidAt: Date | null;
  handledAt: Date | null;
  handledByEmail: string | null;
};

export function listOrders(options: ListHandledRecordsOptions): Promise<Paged<BackofficeOrder>> {
  return listHandledRecords(options, async (client, query) => {
    const orders = await client.order.findMany({
      ...query,
      select: {
        id: true,
        createdAt: true,
        status: true,
        paymentMethod: true,
        totalCents: true,
        currency: true,
        invoicePaidAt: true,
        handledAt: true,
        company: { select: { id: true, name: true, country: true } },
        buyer: { select: { email: true } },
        handledBy: { select: { email: true } },
        lines: { select: { kind: true, edition: true, type: true, seats: true, product: { select: { name: true } } } },
      },
    });
    const total = await client.order.count({ where: query.where });
    const items = orders.map(({ buyer, handledBy, lines, ...order }) => ({
      ...order,
      buyerEmail: buyer.email,
      handledByEmail: handledBy?.email ?? null,
      lines: lines.map(({ product, ...line }) => ({ ...line, productName: product.name })),
    }));
    return { items, total };
  });
}
