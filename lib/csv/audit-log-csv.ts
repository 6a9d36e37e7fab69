// R24: the audit trail as CSV with the page's filters, streamed a keyset page at a time.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { listAuditEvents, type AuditFilters } from "@/lib/audit/list-audit-events";
import { csvRow, UTF8_BOM, type CsvSeparator } from "@/lib/csv/to-csv";

export type AuditCsvLabels = {
  columns: [
    when: string,
    action: string,
    actorName: string,
    actorEmail: string,
    subjectName: string,
    subjectEmail: string,
    product: string,
    licenseType: string,
    licenseId: string,
    reason: string,
    details: string,
  ];
  actionName: (action: AuditAction) => string;
  licenseTypeName: (type: string) => string;
};

const BATCH = 1_000;

/** The first query runs before the first chunk, so a stranger's request fails before any byte is sent. */
export async function auditLogCsvChunks(options: {
  actor: Actor;
  companyId: string;
  filters: AuditFilters;
  labels: AuditCsvLabels;
  separator: CsvSeparator;
}): Promise<AsyncGenerator<string>> {
  const { labels, separator } = options;
  const first = await listAuditEvents({ actor: options.actor, companyId: options.companyId, filters: options.filters, limit: BATCH });
  async function* chunks(): AsyncGenerator<string> {
    yield UTF8_BOM + csvRow(labels.columns, separator);
    let page = first;
    for (;;) {
      yield page.events
        .map((event) => {
          const { reason, ...details } = event.data;
          const cells = [
            event.at,
            labels.actionName(event.action),
            event.actor?.name,
            event.actor?.email,
            event.subject?.name,
            event.subject?.email,
            event.license?.productName,
            event.license ? labels.licenseTypeName(event.license.type) : null,
            event.license?.id,
            typeof reason === "string" ? reason : null,
            Object.keys(details).length > 0 ? JSON.stringify(details) : null,
          ];
          return csvRow(cells, separator);
        })
        .join("");
      if (!page.nextCursor) return;
      page = await listAuditEvents({
        actor: options.actor,
        companyId: options.companyId,
        filters: options.filters,
        cursor: page.nextCursor,
        limit: BATCH,
      });
    }
  }
  return chunks();
}
