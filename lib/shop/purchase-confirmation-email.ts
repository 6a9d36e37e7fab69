// R7: the buyer's confirmation, in the order's transaction (R27), linking to the group that holds the licenses.
import "server-only";
import type { Company, Locale, Order, OrderLineKind, LicenseType } from "@prisma/client";
import type { Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { absoluteUrl } from "@/lib/email/absolute-url";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { invoiceNumberLabel } from "@/lib/shop/invoice-status";
import { invoicePayment } from "@/lib/shop/payment-methods";
import { formatEuroCents } from "@/lib/shop/vat";

/** The reference a buyer quotes to the back office: the start of the order's id. */
export function orderNumber(order: Pick<Order, "id">): string {
  return `ORD-${order.id.slice(0, 8).toUpperCase()}`;
}

type MailLine = { kind: OrderLineKind; productId: string; edition: string; type: LicenseType; seats: number; productName: string };

export async function enqueuePurchaseConfirmation(options: {
  db: DbClient;
  buyer: { id: string; email: string; firstName: string; language: Locale };
  company: Pick<Company, "id" | "name">;
  order: Order;
  groupId: string | null;
  lines: MailLine[];
  clock?: Clock;
}): Promise<void> {
  const { buyer, order } = options;
  const money = (cents: number) => formatEuroCents(cents, buyer.language);
  await enqueueEmail({
    db: options.db,
    template: "purchase-confirmation",
    to: buyer.email,
    locale: buyer.language,
    userId: buyer.id,
    companyId: options.company.id,
    clock: options.clock,
    payload: {
      firstName: buyer.firstName,
      companyName: options.company.name,
      orderNumber: orderNumber(order),
      lines: mergeLines(options.lines),
      netFormatted: money(order.netCents),
      vatFormatted: money(order.vatCents),
      totalFormatted: money(order.totalCents),
      startUrl: absoluteUrl(options.groupId ? `/software-management/${options.groupId}` : "/software-management"),
      invoice: {
        number: invoiceNumberLabel(order.invoiceNumber),
        url: absoluteUrl(`/shop/orders/${order.id}/invoice`),
        paymentTermDays: invoicePayment.paymentTermDays,
      },
      ...(order.purchaseOrderNumber ? { purchaseOrderNumber: order.purchaseOrderNumber } : {}),
    },
  });
}

/** Node-locked seats are stored as one license (and order line) each; the mail shows them as the buyer chose them. */
function mergeLines(lines: MailLine[]): { productName: string; licenseType: string; seats: number; kind: OrderLineKind }[] {
  const merged = new Map<string, { productName: string; licenseType: string; seats: number; kind: OrderLineKind }>();
  lines.forEach((line, index) => {
    const key = line.kind === "NEW_LICENSE" ? `${line.productId}|${line.edition}|${line.type}` : `#${index}`;
    const entry = merged.get(key);
    if (entry) entry.seats += line.seats;
    else merged.set(key, { productName: line.productName, licenseType: line.type, seats: line.seats, kind: line.kind });
  });
  return [...merged.values()];
}
