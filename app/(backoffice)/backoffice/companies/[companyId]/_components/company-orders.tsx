import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cellClassName, DataTable } from "@/components/backoffice/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { BackofficeCompanyOrder } from "@/lib/backoffice/get-company-overview";

/** The company's latest orders; they are handled on the orders page. */
export async function CompanyOrders({ orders }: { orders: BackofficeCompanyOrder[] }) {
  const [t, tOrders, format] = await Promise.all([
    getTranslations("backoffice.company"),
    getTranslations("backoffice.orders"),
    getFormatter(),
  ]);
  if (orders.length === 0) return <EmptyState>{t("noOrders")}</EmptyState>;
  return (
    <>
      <DataTable
        caption={t("ordersCaption")}
        columns={[tOrders("when"), tOrders("buyer"), tOrders("lineCount"), tOrders("total"), tOrders("statusColumn"), tOrders("handled")]}
      >
        {orders.map((order) => (
          <tr key={order.id}>
            <td className={`${cellClassName} whitespace-nowrap`}>
              {format.dateTime(order.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </td>
            <td className={cellClassName}>{order.buyerEmail}</td>
            <td className={`${cellClassName} tabular-nums`}>{order.lineCount}</td>
            <td className={`${cellClassName} tabular-nums`}>
              {format.number(order.totalCents / 100, { style: "currency", currency: order.currency })}
            </td>
            <td className={cellClassName}>{tOrders(`status.${order.status}`)}</td>
            <td className={cellClassName}>
              {order.handledAt ? format.dateTime(order.handledAt, { dateStyle: "medium" }) : tOrders("notHandled")}
            </td>
          </tr>
        ))}
      </DataTable>
      <Link href="/backoffice/orders" className="mt-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("allOrders")}
      </Link>
    </>
  );
}
