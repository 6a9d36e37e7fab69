import { getFormatter, getTranslations } from "next-intl/server";
import { cellClassName, DataTable } from "@/components/backoffice/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { auditActionMessageKey } from "@/lib/audit/audit-search-params";
import type { AuditEntry } from "@/lib/audit/list-audit-events";

/** R24: the latest events of a company, in the audit page's words; the full log has filters. */
export async function AuditEventsSummary({ entries }: { entries: AuditEntry[] }) {
  const [t, tType, format] = await Promise.all([getTranslations("audit"), getTranslations("licenseType"), getFormatter()]);
  if (entries.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <DataTable caption={t("caption")} columns={[t("when"), t("action"), t("actor"), t("subject"), t("license")]}>
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td className={`${cellClassName} whitespace-nowrap tabular-nums`}>
            <time dateTime={entry.at}>{format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "short" })}</time>
          </td>
          <td className={`${cellClassName} font-medium text-slate-900`}>{t(`actions.${auditActionMessageKey(entry.action)}`)}</td>
          <td className={cellClassName}>{entry.actor?.email ?? t("system")}</td>
          <td className={cellClassName}>{entry.subject?.email ?? null}</td>
          <td className={cellClassName}>{entry.license ? `${entry.license.productName} · ${tType(entry.license.type)}` : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}
