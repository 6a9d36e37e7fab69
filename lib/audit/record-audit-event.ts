// R24: who did what, when, in which company; append-only (a trigger). Pass the transaction client, so an event
// commits exactly when its change does.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db as processDb, type DbClient } from "@/lib/db/client";
import type { AuditAction } from "@/lib/audit/audit-actions";

export type AuditEventInput = {
  action: AuditAction;
  companyId: string | null;
  actorId: string | null;
  subjectUserId?: string | null;
  licenseId?: string | null;
  data?: Prisma.InputJsonObject;
  ipAddress?: string | null;
  at?: Date;
};

export async function recordAuditEvent(options: { event: AuditEventInput; db?: DbClient }): Promise<void> {
  await recordAuditEvents({ events: [options.event], db: options.db });
}

/** Many events in one statement (unnest, one array per column): a grid save writes one per change. */
export async function recordAuditEvents(options: { events: AuditEventInput[]; db?: DbClient }): Promise<void> {
  const { events } = options;
  if (events.length === 0) return;
  const column = <T>(pick: (event: AuditEventInput) => T) => events.map(pick);
  await (options.db ?? processDb()).$executeRaw`
    INSERT INTO "AuditEvent" ("action", "companyId", "actorId", "subjectUserId", "licenseId", "data", "ipAddress", "createdAt")
    SELECT e."action", e."companyId", e."actorId", e."subjectUserId", e."licenseId", e."data", e."ipAddress", COALESCE(e."at", CURRENT_TIMESTAMP)
    FROM unnest(
      ${column((event) => event.action)}::text[],
      ${column((event) => event.companyId)}::uuid[],
      ${column((event) => event.actorId)}::uuid[],
      ${column((event) => event.subjectUserId ?? null)}::uuid[],
      ${column((event) => event.licenseId ?? null)}::uuid[],
      ${column((event) => JSON.stringify(event.data ?? {}))}::jsonb[],
      ${column((event) => event.ipAddress ?? null)}::text[],
      ${column((event) => event.at?.toISOString() ?? null)}::timestamptz[]
    ) AS e("action", "companyId", "actorId", "subjectUserId", "licenseId", "data", "ipAddress", "at")`;
}
