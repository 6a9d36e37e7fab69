import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClassName } from "@/components/ui/form-field";
import { auditActions } from "@/lib/audit/audit-actions";
import { auditActionMessageKey, auditSearchString } from "@/lib/audit/audit-search-params";
import type { AuditEntry, AuditFilters } from "@/lib/audit/list-audit-events";

export type AuditLicenseOption = { id: string; label: string };

/**
 * R24: filters (a plain GET form: the URL is the state, so a filtered view can be bookmarked and
 * exported), the events newest first with translated action names, and keyset pagination. The
 * admins' page is the default; the back office shows a company's log under its own path, without
 * the CSV export.
 */
export async function AuditLog(props: {
  entries: AuditEntry[];
  filters: AuditFilters;
  licenses: AuditLicenseOption[];
  nextCursor: string | null;
  isFirstPage: boolean;
  basePath?: string;
  hasExport?: boolean;
}) {
  const [t, tType, format] = await Promise.all([getTranslations("audit"), getTranslations("licenseType"), getFormatter()]);
  const { filters } = props;
  const basePath = props.basePath ?? "/software-management/audit";
  const isFiltered = Boolean(filters.user || filters.licenseId || filters.action);

  return (
    <>
      <form
        method="get"
        action={basePath}
        role="search"
        aria-label={t("filtersLabel")}
        className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
      >
        <div>
          <label htmlFor="audit-user" className="block text-sm font-medium text-slate-800">
            {t("filterUser")}
          </label>
          <input
            id="audit-user"
            name="user"
            type="search"
            defaultValue={filters.user ?? ""}
            placeholder={t("filterUserPlaceholder")}
            className={inputClassName}
          />
        </div>
        <div>
          <label htmlFor="audit-license" className="block text-sm font-medium text-slate-800">
            {t("filterLicense")}
          </label>
          <select id="audit-license" name="license" defaultValue={filters.licenseId ?? ""} className={inputClassName}>
            <option value="">{t("allLicenses")}</option>
            {props.licenses.map((license) => (
              <option key={license.id} value={license.id}>
                {license.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium text-slate-800">
            {t("filterAction")}
          </label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={inputClassName}>
            <option value="">{t("allActions")}</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {t(`actions.${auditActionMessageKey(action)}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClassName("primary")}>
            {t("filter")}
          </button>
          {isFiltered ? (
            <Link href={basePath} className={buttonClassName("ghost")}>
              {t("reset")}
            </Link>
          ) : null}
        </div>
      </form>
      {props.hasExport === false ? null : (
        <div className="mb-3 flex justify-end">
          <a href={`${basePath}/export.csv${auditSearchString(filters)}`} download className={buttonClassName("secondary")}>
            {t("exportCsv")}
          </a>
        </div>
      )}

      {props.entries.length === 0 ? (
        <EmptyState>{isFiltered ? t("emptyFiltered") : t("empty")}</EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                {(["when", "action", "actor", "subject", "license", "details"] as const).map((column) => (
                  <th key={column} scope="col" className="px-4 py-2 font-medium">
                    {t(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {props.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap px-4 py-2 tabular-nums text-slate-700">
                    <time dateTime={entry.at}>{format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "medium" })}</time>
                  </td>
                  <td className="px-4 py-2 font-medium text-slate-900">{t(`actions.${auditActionMessageKey(entry.action)}`)}</td>
                  <td className="px-4 py-2">
                    {entry.actor ? (
                      <PersonCell name={entry.actor.name} email={entry.actor.email} />
                    ) : (
                      <span className="text-slate-500">{t("system")}</span>
                    )}
                  </td>
                  <td className="px-4 py-2">
                    {entry.subject ? <PersonCell name={entry.subject.name} email={entry.subject.email} /> : null}
                  </td>
                  <td className="px-4 py-2 text-slate-700">
                    {entry.license ? `${entry.license.productName} · ${tType(entry.license.type)}` : null}
                  </td>
                  <td className="px-4 py-2 text-slate-700">
                    {typeof entry.data.reason === "string" ? t("reason", { reason: entry.data.reason }) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label={t("pagination")} className="mt-4 flex justify-between">
        {props.isFirstPage ? (
          <span />
        ) : (
          <Link href={`${basePath}${auditSearchString(filters)}`} className={buttonClassName("secondary")}>
            {t("newest")}
          </Link>
        )}
        {props.nextCursor ? (
          <Link href={`${basePath}${auditSearchString(filters, props.nextCursor)}`} className={buttonClassName("secondary")}>
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}

function PersonCell({ name, email }: { name: string; email: string }) {
  return (
    <>
      <div className="text-slate-900">{name}</div>
      {name !== email ? <div className="text-xs text-slate-500">{email}</div> : null}
    </>
  );
}
