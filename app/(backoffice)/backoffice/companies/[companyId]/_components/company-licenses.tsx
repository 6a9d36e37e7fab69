import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cellClassName, DataTable } from "@/components/backoffice/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { BackofficeGroup } from "@/lib/backoffice/get-company-overview";

/** R12, R31: each license group with its licenses: type, edition, seats used of total, validity. */
export async function CompanyLicenses({ companyId, groups }: { companyId: string; groups: BackofficeGroup[] }) {
  const [t, tType, tEdition, format] = await Promise.all([
    getTranslations("backoffice.company"),
    getTranslations("licenseType"),
    getTranslations("edition"),
    getFormatter(),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  if (groups.length === 0) return <EmptyState>{t("noGroups")}</EmptyState>;
  return (
    <div className="space-y-6">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h3 id={`group-${group.id}`} className="text-base font-semibold text-slate-900">
            {group.name}
          </h3>
          <p className="mb-2 text-sm text-slate-600">
            {t("groupDetails", { number: group.sapAccountNumber })}
            {group.orderReference ? ` · ${t("orderReference", { reference: group.orderReference })}` : null}
          </p>
          {group.licenses.length === 0 ? (
            <EmptyState>{t("noLicenses")}</EmptyState>
          ) : (
            <DataTable
              caption={t("licensesCaption", { group: group.name })}
              columns={[t("product"), t("type"), t("edition"), t("seats"), t("validity"), t("state"), t("actions")]}
            >
              {group.licenses.map((license) => (
                <tr key={license.id}>
                  <td className={`${cellClassName} font-medium text-slate-900`}>{license.productName}</td>
                  <td className={cellClassName}>{tType(license.type)}</td>
                  <td className={cellClassName}>{tEdition(license.edition)}</td>
                  <td className={`${cellClassName} tabular-nums`}>{t("seatsValue", { used: license.seatsUsed, seats: license.seats })}</td>
                  <td className={`${cellClassName} whitespace-nowrap`}>
                    {t("validityValue", { from: date(license.validFrom), until: date(license.validUntil) })}
                  </td>
                  <td className={cellClassName}>
                    {license.isExpired ? (
                      <span className="rounded bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800">{t("expired")}</span>
                    ) : (
                      <span className="text-xs text-green-800">{t("valid")}</span>
                    )}
                  </td>
                  <td className={cellClassName}>
                    <Link
                      href={`/backoffice/companies/${companyId}/licenses/${license.id}`}
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      aria-label={t("editLicense", { product: license.productName, type: tType(license.type) })}
                    >
                      {t("edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ))}
    </div>
  );
}
