import { FileText } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PaginationNav } from "@/components/backoffice/pagination-nav";
import { NotSoftwareAdmin } from "@/app/(portal)/_components/not-software-admin";
import { InvoiceStatusLabel } from "@/components/shop/invoice-status-label";
import { formatEuroCents } from "@/components/shop/price-format";
import { BackLink } from "@/components/ui/back-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canManageSoftware } from "@/lib/auth/permissions";
import { parsePageNumber } from "@/lib/backoffice/pagination";
import { listCompanyOrders } from "@/lib/shop/list-company-orders";
import { requireSessionUser } from "@/app/session";

type PageProps = { searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orders");
  return { title: t("title") };
}

const cell = "px-4 py-2 text-slate-700";

/** Decision 021: the current company's orders and invoices, for its software administrators. */
export default async function CompanyOrdersPage({ searchParams }: PageProps) {
  const user = await requireSessionUser();
  const membership = user.currentMembership;
  if (!membership || !canManageSoftware(membership)) return <NotSoftwareAdmin user={user} />;
  const params = await searchParams;
  const page = parsePageNumber(Array.isArray(params.page) ? params.page[0] : params.page);
  const [orders, t, format, locale] = await Promise.all([
    listCompanyOrders({ actor: user, companyId: membership.company.id, page }),
    getTranslations("orders"),
    getFormatter(),
    getLocale(),
  ]);

  return (
    <>
      <BackLink href="/software-management" label={t("back")} />
      <PageHeader title={t("title")} description={t("intro", { company: membership.company.name })} />
      {orders.total === 0 ? (
        <EmptyState>
          {t("empty")}{" "}
          <Link href="/shop" className="font-medium text-brand-700 underline">
            {t("toShop")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t("caption", { company: membership.company.name })}</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    {t("invoiceNumber")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("date")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("products")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("purchaseOrderNumber")}
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    {t("amount")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("statusHeading")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">{t("invoiceLink")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {orders.items.map((order) => (
                  <tr key={order.id}>
                    <th scope="row" className={`${cell} whitespace-nowrap font-medium text-slate-900`}>
                      {order.invoiceNumber}
                      <span className="block text-xs font-normal text-slate-500">{order.number}</span>
                    </th>
                    <td className={`${cell} whitespace-nowrap`}>{format.dateTime(order.createdAt, { dateStyle: "medium" })}</td>
                    <td className={cell}>
                      {order.productNames.join(", ")}
                      <span className="block text-xs text-slate-500">{t("buyer", { name: order.buyerName })}</span>
                    </td>
                    <td className={cell}>{order.purchaseOrderNumber ?? "–"}</td>
                    <td className={`${cell} whitespace-nowrap text-right tabular-nums`}>{formatEuroCents(order.totalCents, locale)}</td>
                    <td className={cell}>
                      <InvoiceStatusLabel status={order.invoice} />
                    </td>
                    <td className={cell}>
                      <Link
                        href={`/shop/orders/${order.id}/invoice`}
                        className="inline-flex items-center gap-1 whitespace-nowrap font-medium text-brand-700 hover:underline"
                        aria-label={t("invoiceLinkLabel", { number: order.invoiceNumber })}
                      >
                        <FileText className="size-4" aria-hidden="true" />
                        {t("invoiceLink")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PaginationNav
            label={t("pages")}
            page={orders.page}
            pageCount={orders.pageCount}
            total={orders.total}
            hrefFor={(target) => `/software-management/orders?page=${target}`}
          />
        </>
      )}
    </>
  );
}
