import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CompanyChooser } from "@/app/(portal)/change-company/_components/company-chooser";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { groupCompaniesByCountry } from "@/lib/accounts/group-companies-by-country";
import { countryName } from "@/lib/i18n/country-name";
import { resolveLocale } from "@/lib/i18n/locales";
import { requireSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("changeCompany");
  return { title: t("title") };
}

// R11: "Change company" chooses the country, then the account in it.
export default async function ChangeCompanyPage() {
  const user = await requireSessionUser();
  const [t, locale] = await Promise.all([getTranslations("changeCompany"), getLocale()]);
  const countries = groupCompaniesByCountry(user.memberships).map(({ country, memberships }) => ({
    country,
    label: countryName(country, resolveLocale(locale)),
    companies: memberships.map(({ company, role }) => ({
      id: company.id,
      name: company.name,
      roleLabel: role === "ADMIN" ? t("roleADMIN") : t("roleUSER"),
      isCurrent: company.id === user.currentMembership?.company.id,
    })),
  }));

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {countries.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : <CompanyChooser countries={countries} />}
    </>
  );
}
