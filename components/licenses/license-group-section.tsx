import { clsx } from "clsx";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { SeatCount } from "@/components/licenses/seat-count";
import { EmptyState } from "@/components/ui/empty-state";
import type { LicenseGroupSummary } from "@/lib/licenses/list-license-groups";

/** One license group (R12) with its licenses: product, type, seats in use, validity. */
export async function LicenseGroupSection({ group }: { group: LicenseGroupSummary }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  const headingId = `group-${group.id}`;

  return (
    <section aria-labelledby={headingId} className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-5 py-4">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {/* R12: clicking a group opens it. */}
          <Link
            href={`/software-management/${group.id}`}
            className="rounded text-brand-700 underline-offset-4 hover:text-brand-600 hover:underline"
          >
            {group.name}
          </Link>
        </h3>
        <p className="text-xs text-slate-500">
          {t("softwareManagement.sapAccount", { number: group.sapAccountNumber })}
          {group.orderReference ? ` · ${t("softwareManagement.orderReference", { reference: group.orderReference })}` : null}
        </p>
      </div>
      {group.licenses.length === 0 ? (
        <div className="p-5">
          <EmptyState>{t("softwareManagement.emptyLicenses")}</EmptyState>
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("softwareManagement.licensesCaption", { group: group.name })}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-3">
                  {t("softwareManagement.product")}
                </th>
                <th scope="col" className="px-5 py-3">
                  {t("softwareManagement.type")}
                </th>
                <th scope="col" className="px-5 py-3 text-right">
                  {t("softwareManagement.seats")}
                </th>
                <th scope="col" className="px-5 py-3">
                  {t("softwareManagement.validity")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {group.licenses.map((license) => (
                <tr key={license.id} className="align-top">
                  <th scope="row" className="px-5 py-3 text-left font-medium text-slate-900">
                    {license.product.name}
                    <span className="block text-xs font-normal text-slate-500">
                      {t(`productKind.${license.product.kind}`)} · {t(`edition.${license.edition}`)}
                    </span>
                  </th>
                  <td className="px-5 py-3 text-slate-700">{t(`licenseType.${license.type}`)}</td>
                  <td className="px-5 py-3 text-right tabular-nums text-slate-700">
                    <SeatCount type={license.type} counts={license.counts} />
                  </td>
                  <td className={clsx("px-5 py-3", license.isExpired ? "text-red-700" : "text-slate-700")}>
                    {t("softwareManagement.validityValue", { from: date(license.validFrom), until: date(license.validUntil) })}
                    {license.isExpired ? (
                      <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">
                        {t("softwareManagement.expired")}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
