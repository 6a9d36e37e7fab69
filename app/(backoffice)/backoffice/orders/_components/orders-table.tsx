import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { markInvoicePaidAction, markOrderHandledAction } from "@/app/(backoffice)/backoffice/orders/actions";
import { MarkHandledButton } from "@/components/backoffice/mark-handled-button";
import { cellClassName, DataTable } from "@/components/backoffice/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { isAwaitingInvoicePayment } from "@/lib/backoffice/invoice-payment";
import type { BackofficeOrder } from "@/lib/backoffice/list-orders";

/** R31: orders with what they bought and whether staff dealt with them. */
export async function OrdersTable({ orders }: { orders: BackofficeOrder[] }) {
  const [t, tHandled, tType, tEdition, format] = await Promise.all([
    getTranslations("backoffice.orders"),
    getTranslations("backoffice.handled"),
    getTranslations("licenseType"),
    getTranslations("edition"),
    getFormatter(),
  ]);
  if (orders.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <DataTable
      caption={t("caption")}
      columns={[t("when"), t("company"), t("buyer"), t("lines"), t("total"), t("statusColumn"), t("handled")]}
    >
      {orders.map((order) => (
        <tr key={order.id}>
          <td className={`${cellClassName} whitespace-nowrap`}>
            {format.dateTime(order.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          </td>
          <td className={cellClassName}>
            <Link href={`/backoffice/companies/${order.company.id}`} className="text-brand-700 underline-offset-2 hover:underline">
              {order.company.name} – {order.company.country}
            </Link>
          </td>
          <td className={cellClassName}>{order.buyerEmail}</td>
          <td className={cellClassName}>
            <ul>
              {order.lines.map((line, index) => (
                <li key={index}>
                  {t("line", {
                    kind: t(`kind.${line.kind}`),
                    product: line.productName,
                    type: tType(line.type),
                    edition: tEdition(line.edition),
                    seats: line.seats,
                  })}
                </li>
              ))}
            </ul>
          </td>
          <td className={`${cellClassName} tabular-nums`}>
            {format.number(order.totalCents / 100, { style: "currency", currency: order.currency })}
          </td>
          <td className={cellClassName}>
            {t(`status.${order.status}`)}
            {order.invoicePaidAt ? <span className="block text-xs text-slate-500">{t("invoicePaid")}</span> : null}
            {isAwaitingInvoicePayment(order) ? (
              <MarkHandledButton
                kind="invoicePaid"
                action={markInvoicePaidAction}
                input={{ orderId: order.id }}
                label={tHandled("markInvoicePaid", {
                  company: order.company.name,
                  date: format.dateTime(order.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              />
            ) : null}
          </td>
          <td className={cellClassName}>
            {order.handledAt ? (
              <span className="text-xs text-slate-600">
                {tHandled("by", { email: order.handledByEmail ?? "—", date: format.dateTime(order.handledAt, { dateStyle: "medium" }) })}
              </span>
            ) : (
              <MarkHandledButton
                kind="handled"
                action={markOrderHandledAction}
                input={{ orderId: order.id }}
                label={tHandled("markOrder", {
                  company: order.company.name,
                  date: format.dateTime(order.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              />
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
