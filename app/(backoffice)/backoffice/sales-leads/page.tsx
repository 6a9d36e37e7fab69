import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackofficeLinks } from "@/components/backoffice/backoffice-links";
import { HandledFilterLinks } from "@/components/backoffice/handled-filter";
import { PaginationNav } from "@/components/backoffice/pagination-nav";
import { SalesLeadsTable } from "@/app/(backoffice)/backoffice/sales-leads/_components/sales-leads-table";
import { PageHeader } from "@/components/ui/page-header";
import { parseHandledFilter } from "@/lib/backoffice/handled-filter";
import { listSalesLeads } from "@/lib/backoffice/list-sales-leads";
import { parsePageNumber } from "@/lib/backoffice/pagination";
import { requireStaffPage } from "@/app/(backoffice)/staff-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice.salesLeads");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** R6, R31: "Contact sales" requests (Enterprise); staff mark them handled. */
export default async function SalesLeadsPage({ searchParams }: PageProps) {
  const user = await requireStaffPage();
  const params = await searchParams;
  const filter = parseHandledFilter(params.show);
  const page = parsePageNumber(Array.isArray(params.page) ? params.page[0] : params.page);
  const [t, leads] = await Promise.all([getTranslations("backoffice.salesLeads"), listSalesLeads({ actor: user, filter, page })]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <BackofficeLinks current="salesLeads" />
      <HandledFilterLinks basePath="/backoffice/sales-leads" current={filter} />
      <SalesLeadsTable leads={leads.items} />
      <PaginationNav
        label={t("pages")}
        page={leads.page}
        pageCount={leads.pageCount}
        total={leads.total}
        hrefFor={(next) => `/backoffice/sales-leads?show=${filter}&page=${next}`}
      />
    </>
  );
}
