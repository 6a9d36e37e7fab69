import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackofficeLinks } from "@/components/backoffice/backoffice-links";
import { HandledFilterLinks } from "@/components/backoffice/handled-filter";
import { OrdersTable } from "@/app/(backoffice)/backoffice/orders/_components/orders-table";
import { PaginationNav } from "@/components/backoffice/pagination-nav";
import { PageHeader } from "@/components/ui/page-header";
import { listOrders } from "@/lib/backoffice/list-orders";
import { parseHandledFilter } from "@/lib/backoffice/handled-filter";
import { parsePageNumber } from "@/lib/backoffice/pagination";
import { requireStaffPage } from "@/app/(backoffice)/staff-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice.orders");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** R31: the shop's orders, open ones first; staff mark them handled. */
export default async function OrdersPage({ searchParams }: PageProps) {
  const user = await requireStaffPage();
  const params = await searchParams;
  const filter = parseHandledFilter(params.show);
  const page = parsePageNumber(Array.isArray(params.page) ? params.page[0] : params.page);
  const [t, orders] = await Promise.all([getTranslations("backoffice.orders"), listOrders({ actor: user, filter, page })]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <BackofficeLinks current="orders" />
      <HandledFilterLinks basePath="/backoffice/orders" current={filter} />
      <OrdersTable orders={orders.items} />
      <PaginationNav
        label={t("pages")}
        page={orders.page}
        pageCount={orders.pageCount}
        total={orders.total}
        hrefFor={(next) => `/backoffice/orders?show=${filter}&page=${next}`}
      />
    </>
  );
}
