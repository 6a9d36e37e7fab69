"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { SwitchCompanyButton } from "./switch-company-button";
import { buttonClassName } from "@/components/ui/button";

type Company = { id: string; name: string; countryLabel: string };

/**
 * A page of another of the user's companies (a saved link, a link from a
 * colleague) is never shown under the header's company. It says whose page it is and switches on
 * request; after the switch the same page renders, now under its own company's name.
 */
export function OtherCompanyPrompt({ pageCompany, currentCompany }: { pageCompany: Company; currentCompany: Company }) {
  const t = useTranslations("otherCompany");
  const pageCompanyLabel = `${pageCompany.name} – ${pageCompany.countryLabel}`;

  return (
    <section aria-labelledby="other-company" className="max-w-xl space-y-4">
      <h1 id="other-company" className="text-2xl font-semibold tracking-tight text-slate-900">
        {t("title", { company: pageCompanyLabel })}
      </h1>
      <p className="text-sm text-slate-700">
        {t("text", { company: pageCompanyLabel, current: `${currentCompany.name} – ${currentCompany.countryLabel}` })}
      </p>
      <div className="flex flex-wrap items-start gap-2">
        <SwitchCompanyButton companyId={pageCompany.id} label={t("switch", { company: pageCompany.name })} icon />
        <Link href="/software-management" className={buttonClassName("secondary")}>
          {t("stay", { company: currentCompany.name })}
        </Link>
      </div>
    </section>
  );
}
