// R24, R31: a company's audit trail as its admins see it, for staff.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { selectAuditEvents, type AuditFilters, type AuditPage } from "@/lib/audit/list-audit-events";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isRecordId } from "@/lib/validation/record-id";

export async function listCompanyAuditEvents(options: {
  actor: Actor;
  companyId: string;
  filters?: AuditFilters;
  cursor?: string | null;
  limit?: number;
  db?: DbClient;
}): Promise<AuditPage> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  if (!isRecordId(options.companyId)) throw notFound("Company");
  if ((await client.company.count({ where: { id: options.companyId } })) === 0) throw notFound("Company");
  return selectAuditEvents({
    companyId: options.companyId,
    filters: options.filters,
    cursor: options.cursor,
    limit: options.limit,
    db: client,
  });
}
