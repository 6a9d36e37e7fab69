// Software management → Orders and invoices (decision 021): the company's orders, newest first, for its
// admins (decision 011); anyone else gets NOT_FOUND (R28).
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { displayName } from "@/lib/auth/current-user";
import { pageWindow, toPaged, type Paged } from "@/lib/backoffice/pagination";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { orderNumber } from "@/lib/shop/purchase-confirmation-email";
import { invoiceNumberLabel, invoiceStatus, type InvoiceStatus } from "@/lib/shop/invoice-status";

export type CompanyOrder = {
  id: string;
  number: string;
  invoiceNumber: string;
  createdAt: Date;
  purchaseOrderNumber: string | null;
  buyerName: string;
  totalCents: number;
  currency: string;
  /** "PROFIS Engineering, PROFIS Layout Office": what was bought, for recognising the order. */
  productNames: string[];
  invoice: InvoiceStatus;
};

export const COMPANY_ORDERS_PAGE_SIZE = 25;

export async function listCompanyOrders(options: {
  actor: Actor;
  companyId: string;
  page: number;
  clock?: Clock;
  db?: DbClient;
}): Promise<Paged<CompanyOrder>> {
  const client = options.db ?? processDb();
  await requireCompanyAdmin({ actor: options.actor, companyId: options.companyId, db: client, resource: "Company" });
  const now = (options.clock ?? systemClock).now();
  const { offset, limit } = pageWindow(options.page, COMPANY_ORDERS_PAGE_SIZE);
  const where = { companyId: options.companyId };
  const [orders, total] = await Promise.all([
    client.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { invoiceNumber: "desc" }],
      skip: offset,
      take: limit,
      select: {
        id: true,
        invoiceNumber: true,
        createdAt: true,
        status: true,
        paymentMethod: true,
        invoicePaidAt: true,
        purchaseOrderNumber: true,
        totalCents: true,
        currency: true,
        buyer: { select: { firstName: true, lastName: true, email: true } },
        lines: { select: { product: { select: { name: true } } }, orderBy: { id: "asc" } },
      },
    }),
    client.order.count({ where }),
  ]);
  const items = orders.map((order) => ({
    id: order.id,
    number: orderNumber(order),
    invoiceNumber: invoiceNumberLabel(order.invoiceNumber),
    createdAt: order.createdAt,
    purchaseOrderNumber: order.purchaseOrderNumber,
    buyerName: displayName(order.buyer),
    totalCents: order.totalCents,
    currency: order.currency,
    productNames: [...new Set(order.lines.map((line) => line.product.name))],
    invoice: invoiceStatus(order, now),
  }));
  return toPaged(items, total, options.page, COMPANY_ORDERS_PAGE_SIZE);
}
