import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { cellClassName, DataTable } from "@/components/backoffice/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Paged } from "@/lib/backoffice/pagination";
import type { CompanySearchResult } from "@/lib/backoffice/search-companies";
import type { PersonSearchResult } from "@/lib/backoffice/search-people";
import { countryName } from "@/lib/i18n/country-name";
import type { Locale } from "@/lib/i18n/locales";
import { displayName } from "@/lib/auth/current-user";

export async function CompanyResults({ result, locale }: { result: Paged<CompanySearchResult>; locale: Locale }) {
  const t = await getTranslations("backoffice.search");
  if (result.items.length === 0) return <EmptyState>{t("noCompanies")}</EmptyState>;
  return (
    <DataTable caption={t("companiesCaption")} columns={[t("name"), t("sapAccount"), t("country"), t("members"), t("groups")]}>
      {result.items.map((company) => (
        <tr key={company.id}>
          <td className={cellClassName}>
            <Link href={`/backoffice/companies/${company.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {company.name}
            </Link>
          </td>
          <td className={`${cellClassName} tabular-nums`}>{company.sapAccountNumber}</td>
          <td className={cellClassName}>{countryName(company.country, locale)}</td>
          <td className={`${cellClassName} tabular-nums`}>{company.memberCount}</td>
          <td className={`${cellClassName} tabular-nums`}>{company.groupCount}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export async function PeopleResults({ result, locale }: { result: Paged<PersonSearchResult>; locale: Locale }) {
  const t = await getTranslations("backoffice.search");
  const tRole = await getTranslations("backoffice.roles");
  if (result.items.length === 0) return <EmptyState>{t("noPeople")}</EmptyState>;
  return (
    <DataTable caption={t("peopleCaption")} columns={[t("name"), t("email"), t("status"), t("companies")]}>
      {result.items.map((person) => (
        <tr key={person.id}>
          <td className={`${cellClassName} text-slate-900`}>{displayName(person)}</td>
          <td className={cellClassName}>{person.email}</td>
          <td className={cellClassName}>{person.isStaff ? t("staff") : person.isRegistered ? t("registered") : t("notRegistered")}</td>
          <td className={cellClassName}>
            <ul className="space-y-0.5">
              {person.companies.map((company) => (
                <li key={company.id}>
                  <Link href={`/backoffice/companies/${company.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {company.name} – {countryName(company.country, locale)}
                  </Link>{" "}
                  <span className="text-xs text-slate-500">({tRole(company.role)})</span>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
