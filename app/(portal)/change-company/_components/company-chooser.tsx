"use client";

import { clsx } from "clsx";
import { Building2, Check } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeCompanyAction } from "@/app/(portal)/change-company/actions";

type Country = {
  country: string;
  label: string;
  companies: { id: string; name: string; roleLabel: string; isCurrent: boolean }[];
};

export function CompanyChooser({ countries }: { countries: Country[] }) {
  const t = useTranslations("changeCompany");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function choose(companyId: string) {
    startTransition(async () => {
      const result = await changeCompanyAction({ companyId });
      if (result.ok) {
        router.push("/");
        router.refresh();
      } else {
        setError(result.error.message);
      }
    });
  }

  return (
    <div className="space-y-8">
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {countries.map((country) => (
        <section key={country.country} aria-labelledby={`country-${country.country}`}>
          <h2 id={`country-${country.country}`} className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
            {country.label}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {country.companies.map((company) => (
              <li key={company.id}>
                <button
                  type="button"
                  disabled={isPending}
                  onClick={() => choose(company.id)}
                  aria-current={company.isCurrent ? "true" : undefined}
                  aria-label={t("choose", { company: `${company.name} – ${country.label}` })}
                  className={clsx(
                    "flex w-full items-center gap-3 rounded-lg border bg-white p-4 text-left shadow-sm transition-colors hover:border-brand-600 disabled:opacity-60",
                    company.isCurrent ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200",
                  )}
                >
                  <Building2 className="size-5 shrink-0 text-slate-500" aria-hidden="true" />
                  <span className="flex-1">
                    <span className="block font-medium text-slate-900">{company.name}</span>
                    <span className="block text-xs text-slate-500">{company.roleLabel}</span>
                  </span>
                  {company.isCurrent ? (
                    <span className="inline-flex items-center gap-1 text-xs font-medium text-brand-700">
                      <Check className="size-4" aria-hidden="true" />
                      {t("current")}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
