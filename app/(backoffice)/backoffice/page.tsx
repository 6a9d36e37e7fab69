import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BackofficeLinks } from "@/components/backoffice/backoffice-links";
import { PaginationNav } from "@/components/backoffice/pagination-nav";
import { CompanyResults, PeopleResults } from "@/app/(backoffice)/backoffice/_components/search-results";
import { buttonClassName } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { parsePageNumber } from "@/lib/backoffice/pagination";
import { listCompanyCountries, searchCompanies } from "@/lib/backoffice/search-companies";
import { searchPeople } from "@/lib/backoffice/search-people";
import { countryName } from "@/lib/i18n/country-name";
import type { Locale } from "@/lib/i18n/locales";
import { isSafeSingleLineText, withoutForbiddenCharacters } from "@/lib/validation/safe-text";
import { requireStaffPage } from "@/app/(backoffice)/staff-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/** R31: search companies (name, SAP account, country) and people (name, email). */
export default async function BackofficePage({ searchParams }: PageProps) {
  const user = await requireStaffPage();
  const params = await searchParams;
  const typed = first(params.q).slice(0, 200);
  // A control character is a field error here as in every form; the rest is searched for.
  const isQuerySafe = isSafeSingleLineText(typed);
  const query = isQuerySafe ? typed : withoutForbiddenCharacters(typed).trim();
  const country = first(params.country).toUpperCase();
  const companyPage = parsePageNumber(first(params.cp));
  const peoplePage = parsePageNumber(first(params.pp));
  const [t, tField, locale] = await Promise.all([
    getTranslations("backoffice"),
    getTranslations("fieldErrors"),
    getLocale() as Promise<Locale>,
  ]);
  const companies = await searchCompanies({ actor: user, query, country, page: companyPage });
  const people = query ? await searchPeople({ actor: user, query, page: peoplePage }) : null;
  const countries = await listCompanyCountries({ actor: user });
  const hrefWith = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams();
    if (query) next.set("q", query);
    if (country) next.set("country", country);
    next.set("cp", String(companyPage));
    next.set("pp", String(peoplePage));
    for (const [key, value] of Object.entries(changes)) next.set(key, String(value));
    return `/backoffice?${next.toString()}`;
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <BackofficeLinks current="search" />
      <form
        method="get"
        action="/backoffice"
        role="search"
        aria-label={t("search.label")}
        className="mb-8 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
      >
        <div>
          <label htmlFor="search-query" className="block text-sm font-medium text-slate-800">
            {t("search.query")}
          </label>
          <input
            id="search-query"
            name="q"
            type="search"
            defaultValue={query}
            aria-invalid={isQuerySafe ? undefined : true}
            aria-describedby={isQuerySafe ? "search-query-hint" : "search-query-hint search-query-error"}
            className={inputClassName}
          />
          <p id="search-query-hint" className="mt-1 text-xs text-slate-500">
            {t("search.queryHint")}
          </p>
          {isQuerySafe ? null : (
            <p id="search-query-error" className="mt-1 text-sm text-red-700">
              {tField("forbiddenCharacters")}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="search-country" className="block text-sm font-medium text-slate-800">
            {t("search.countryFilter")}
          </label>
          <select id="search-country" name="country" defaultValue={country} className={inputClassName}>
            <option value="">{t("search.allCountries")}</option>
            {countries.map((code) => (
              <option key={code} value={code}>
                {countryName(code, locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClassName("primary", "sm:mb-5")}>
          {t("search.submit")}
        </button>
      </form>

      <section aria-labelledby="companies-heading" className="mb-10">
        <h2 id="companies-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t("search.companies")}
        </h2>
        <CompanyResults result={companies} locale={locale} />
        <PaginationNav
          label={t("search.companiesPages")}
          page={companies.page}
          pageCount={companies.pageCount}
          total={companies.total}
          hrefFor={(page) => hrefWith({ cp: page })}
        />
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="mb-3 text-lg font-semibold text-slate-900">
          {t("search.people")}
        </h2>
        {people ? (
          <>
            <PeopleResults result={people} locale={locale} />
            <PaginationNav
              label={t("search.peoplePages")}
              page={people.page}
              pageCount={people.pageCount}
              total={people.total}
              hrefFor={(page) => hrefWith({ pp: page })}
            />
          </>
        ) : (
          <p className="text-sm text-slate-600">{t("search.peopleHint")}</p>
        )}
      </section>
    </>
  );
}
