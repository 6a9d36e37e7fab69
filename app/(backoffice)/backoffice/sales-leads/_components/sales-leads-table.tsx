import { getFormatter, getTranslations } from "next-intl/server";
import { markSalesLeadHandledAction } from "@/app/(backoffice)/backoffice/sales-leads/actions";
import { MarkHandledButton } from "@/components/backoffice/mark-handled-button";
import { cellClassName, DataTable } from "@/components/backoffice/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { BackofficeSalesLead } from "@/lib/backoffice/list-sales-leads";

/** R6, R31: "Contact sales" requests and whether staff dealt with them. */
export async function SalesLeadsTable({ leads }: { leads: BackofficeSalesLead[] }) {
  const [t, tHandled, format] = await Promise.all([
    getTranslations("backoffice.salesLeads"),
    getTranslations("backoffice.handled"),
    getFormatter(),
  ]);
  if (leads.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <DataTable caption={t("caption")} columns={[t("when"), t("company"), t("contact"), t("product"), t("message"), t("handled")]}>
      {leads.map((lead) => (
        <tr key={lead.id}>
          <td className={`${cellClassName} whitespace-nowrap`}>
            {format.dateTime(lead.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          </td>
          <td className={cellClassName}>
            {lead.companyName} – {lead.country}
          </td>
          <td className={cellClassName}>
            {lead.email}
            {lead.requesterEmail && lead.requesterEmail !== lead.email ? (
              <span className="block text-xs text-slate-500">{t("requestedBy", { email: lead.requesterEmail })}</span>
            ) : null}
          </td>
          <td className={cellClassName}>{lead.productName ?? "—"}</td>
          <td className={`${cellClassName} max-w-md whitespace-pre-line`}>{lead.message || "—"}</td>
          <td className={cellClassName}>
            {lead.handledAt ? (
              <span className="text-xs text-slate-600">
                {tHandled("by", { email: lead.handledByEmail ?? "—", date: format.dateTime(lead.handledAt, { dateStyle: "medium" }) })}
              </span>
            ) : (
              <MarkHandledButton
                kind="handled"
                action={markSalesLeadHandledAction}
                input={{ salesLeadId: lead.id }}
                label={tHandled("markLead", { company: lead.companyName, email: lead.email })}
              />
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
