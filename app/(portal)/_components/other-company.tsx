import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { OtherCompanyPrompt } from "./other-company-prompt";
import type { CompanySummary, CurrentUser } from "@/lib/auth/current-user";
import { countryName } from "@/lib/i18n/country-name";
import { resolveLocale } from "@/lib/i18n/locales";

/**
 * A page that belongs to `companyId` renders only under that company. When it is
 * another of the user's companies (access was checked by the caller), the page is replaced by a
 * prompt to switch; null when the page's company is the current one.
 */
export async function otherCompanyPrompt(user: CurrentUser, companyId: string): Promise<ReactNode | null> {
  const current = user.currentMembership?.company;
  if (current?.id === companyId) return null;
  const pageCompany = user.memberships.find((membership) => membership.company.id === companyId)?.company;
  // Without a membership there the caller's access check has already refused; nothing to switch to.
  if (!pageCompany || !current) return null;
  const locale = resolveLocale(await getLocale());
  const describe = (company: CompanySummary) => ({
    id: company.id,
    name: company.name,
    countryLabel: countryName(company.country, locale),
  });
  return <OtherCompanyPrompt pageCompany={describe(pageCompany)} currentCompany={describe(current)} />;
}
