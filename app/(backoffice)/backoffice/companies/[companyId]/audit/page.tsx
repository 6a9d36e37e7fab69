import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/audit/audit-log";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { parseAuditSearchParams } from "@/lib/audit/audit-search-params";
import { getCompanyOverview } from "@/lib/backoffice/get-company-overview";
import { listCompanyAuditEvents } from "@/lib/backoffice/list-company-audit-events";
import { orNotFound, requireStaffPage } from "@/app/(backoffice)/staff-page";

type PageProps = { params: Promise<{ companyId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** R24, R31: a company's whole audit trail for staff, with the admins' filters. */
export default async function BackofficeCompanyAuditPage({ params, searchParams }: PageProps) {
  const user = await requireStaffPage();
  const { companyId } = await params;
  const overview = await orNotFound(getCompanyOverview({ actor: user, companyId }));
  const { filters, cursor } = parseAuditSearchParams(await searchParams);
  const page = await orNotFound(listCompanyAuditEvents({ actor: user, companyId, filters, cursor }));
  const [t, tType] = await Promise.all([getTranslations("backoffice.company"), getTranslations("licenseType")]);
  const licenses = overview.groups.flatMap((group) =>
    group.licenses.map((license) => ({ id: license.id, label: `${license.productName} · ${tType(license.type)} · ${group.name}` })),
  );
  const basePath = `/backoffice/companies/${companyId}/audit`;

  return (
    <>
      <BackLink href={`/backoffice/companies/${companyId}`} label={t("backTo", { company: overview.company.name })} />
      <PageHeader title={t("auditTitle", { company: overview.company.name })} description={t("auditIntro")} />
      <AuditLog
        entries={page.events}
        filters={filters}
        licenses={licenses}
        nextCursor={page.nextCursor}
        isFirstPage={!cursor}
        basePath={basePath}
        hasExport={false}
      />
    </>
  );
}
