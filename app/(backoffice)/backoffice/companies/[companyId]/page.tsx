import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { AddAdminForm } from "@/app/(backoffice)/backoffice/companies/[companyId]/_components/add-admin-form";
import { CompanyLicenses } from "@/app/(backoffice)/backoffice/companies/[companyId]/_components/company-licenses";
import { CompanyMembers } from "@/app/(backoffice)/backoffice/companies/[companyId]/_components/company-members";
import { CompanyOrders } from "@/app/(backoffice)/backoffice/companies/[companyId]/_components/company-orders";
import { CreateGroupForm } from "@/app/(backoffice)/backoffice/companies/[companyId]/_components/create-group-form";
import { CreateLicenseForm } from "@/app/(backoffice)/backoffice/companies/[companyId]/_components/create-license-form";
import { AuditEventsSummary } from "@/app/(backoffice)/backoffice/companies/[companyId]/_components/audit-events-summary";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { calendarDateOf } from "@/lib/backoffice/calendar-date";
import { getCompanyOverview } from "@/lib/backoffice/get-company-overview";
import { listCompanyAuditEvents } from "@/lib/backoffice/list-company-audit-events";
import { listLicenseProducts } from "@/lib/backoffice/list-license-products";
import { countryName } from "@/lib/i18n/country-name";
import { defaultValidUntil } from "@/lib/licenses/create-license";
import type { Locale } from "@/lib/i18n/locales";
import { orNotFound, requireStaffPage } from "@/app/(backoffice)/staff-page";

type PageProps = { params: Promise<{ companyId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice.company");
  return { title: t("title") };
}

const RECENT_AUDIT_EVENTS = 10;

/** R31: one company: details, contacts and admins, license groups and licenses, orders, audit trail. */
export default async function BackofficeCompanyPage({ params }: PageProps) {
  const user = await requireStaffPage();
  const { companyId } = await params;
  const overview = await orNotFound(getCompanyOverview({ actor: user, companyId }));
  const audit = await listCompanyAuditEvents({ actor: user, companyId, limit: RECENT_AUDIT_EVENTS });
  const products = await listLicenseProducts({ actor: user });
  const [t, format, locale] = await Promise.all([getTranslations("backoffice.company"), getFormatter(), getLocale() as Promise<Locale>]);
  const { company } = overview;
  const now = new Date();

  return (
    <>
      <BackLink href="/backoffice" label={t("back")} />
      <PageHeader
        title={company.name}
        description={t("description", { country: countryName(company.country, locale), number: company.sapAccountNumber })}
      />
      <dl className="mb-8 grid gap-x-8 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t("vatNumber")}</dt>
        <dd className="text-slate-900">{company.vatNumber ?? "—"}</dd>
        <dt className="font-medium text-slate-700">{t("createdAt")}</dt>
        <dd className="text-slate-900">{format.dateTime(company.createdAt, { dateStyle: "medium" })}</dd>
        <dt className="font-medium text-slate-700">{t("verified")}</dt>
        <dd className="text-slate-900">
          {company.verifiedAt ? format.dateTime(company.verifiedAt, { dateStyle: "medium" }) : t("notVerified")}
        </dd>
      </dl>

      <Section id="members" title={t("members")}>
        <CompanyMembers companyId={company.id} members={overview.members} />
        <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <AddAdminForm companyId={company.id} />
        </div>
      </Section>

      <Section id="licenses" title={t("groups")}>
        <CompanyLicenses companyId={company.id} groups={overview.groups} />
        <div className="mt-4 space-y-6 rounded-lg border border-slate-200 bg-white p-4">
          <CreateLicenseForm
            companyId={company.id}
            groups={overview.groups.map((group) => ({ id: group.id, name: group.name }))}
            products={products}
            defaultValidFrom={calendarDateOf(now)}
            defaultValidUntil={calendarDateOf(defaultValidUntil(now))}
          />
          <CreateGroupForm companyId={company.id} companySapAccount={company.sapAccountNumber} />
        </div>
      </Section>

      <Section id="orders" title={t("orders")}>
        <CompanyOrders orders={overview.orders} />
      </Section>

      <Section id="audit" title={t("audit")}>
        <AuditEventsSummary entries={audit.events} />
        <Link
          href={`/backoffice/companies/${company.id}/audit`}
          className="mt-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {t("fullAudit")}
        </Link>
      </Section>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-10">
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
