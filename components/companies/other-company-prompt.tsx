"use client";

import { ArrowLeftRight } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeCompanyAction } from "@/app/(portal)/change-company/actions";
import { Button, buttonClassName } from "@/components/ui/button";

type Company = { id: string; name: string; countryLabel: string };

/**
 * Issue 14 item 4: a page of another of the user's companies (a saved link, a link from a
 * colleague) is never shown under the header's company. It says whose page it is and switches on
 * request; after the switch the same page renders, now under its own company's name.
 */
export function OtherCompanyPrompt({ pageCompany, currentCompany }: { pageCompany: Company; currentCompany: Company }) {
  const t = useTranslations("otherCompany");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const pageCompanyLabel = `${pageCompany.name} – ${pageCompany.countryLabel}`;

  function switchCompany() {
    startTransition(async () => {
      const result = await changeCompanyAction({ companyId: pageCompany.id });
      if (result.ok) router.refresh();
      else setError(result.error.message);
    });
  }

  return (
    <section aria-labelledby="other-company" className="max-w-xl space-y-4">
      <h1 id="other-company" className="text-2xl font-semibold tracking-tight text-slate-900">
        {t("title", { company: pageCompanyLabel })}
      </h1>
      <p className="text-sm text-slate-700">
        {t("text", { company: pageCompanyLabel, current: `${currentCompany.name} – ${currentCompany.countryLabel}` })}
      </p>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={switchCompany} disabled={isPending}>
          <ArrowLeftRight aria-hidden className="size-4" />
          {t("switch", { company: pageCompany.name })}
        </Button>
        <Link href="/software-management" className={buttonClassName("secondary")}>
          {t("stay", { company: currentCompany.name })}
        </Link>
      </div>
    </section>
  );
}
