import { ArrowLeftRight, ShieldAlert } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { SwitchCompanyButton } from "./switch-company-button";
import { buttonClassName } from "@/components/ui/button";
import { canManageSoftware } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { countryName } from "@/lib/i18n/country-name";
import { resolveLocale } from "@/lib/i18n/locales";
import { listCompanyAdministrators } from "@/lib/memberships/list-company-administrators";

/**
 * As the manual explains it (R11): Software Beheer is for the software administrators
 * of the company the user works for. A member who is not one is told so (never "page not found"),
 * with whom to ask, and — when they administer another of their companies — a switch to it.
 */
export async function NotSoftwareAdmin({ user }: { user: CurrentUser }) {
  const [t, locale] = await Promise.all([getTranslations("notSoftwareAdmin"), getLocale().then(resolveLocale)]);
  const current = user.currentMembership?.company ?? null;
  const administrators = current ? await listCompanyAdministrators(current.id) : [];
  const elsewhere = user.memberships
    .filter((membership) => membership.company.id !== current?.id && canManageSoftware(membership))
    .map((membership) => membership.company);

  return (
    <section aria-labelledby="not-software-admin" className="max-w-2xl space-y-4">
      <h1 id="not-software-admin" className="flex items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
        <ShieldAlert className="size-6 text-amber-600" aria-hidden="true" />
        {t("title")}
      </h1>
      <p className="text-sm text-slate-700">{current ? t("text", { company: current.name }) : t("noCompany")}</p>
      {current ? (
        <p className="text-sm text-slate-700">
          {administrators.length > 0
            ? t("askAdministrator", {
                administrators: new Intl.ListFormat(locale, { type: "disjunction" }).format(administrators.map((admin) => admin.name)),
              })
            : t("askNobody")}
        </p>
      ) : null}
      {elsewhere.length > 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="text-sm font-semibold text-slate-900">{t("adminElsewhere")}</h2>
          <ul className="mt-3 space-y-2">
            {elsewhere.map((company) => (
              <li key={company.id} className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
                <span>
                  {company.name} – {countryName(company.country, locale)}
                </span>
                <SwitchCompanyButton companyId={company.id} label={t("switch", { company: company.name })} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {user.memberships.length > 1 ? (
          <Link href="/change-company" className={buttonClassName("secondary")}>
            <ArrowLeftRight className="size-4" aria-hidden="true" />
            {t("changeCompany")}
          </Link>
        ) : null}
        <Link href="/my-software" className={buttonClassName("secondary")}>
          {t("toMySoftware")}
        </Link>
      </div>
    </section>
  );
}
