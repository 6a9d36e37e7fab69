// R24: who did what, when, in which company. Append-only: the table's trigger refuses UPDATE and
// DELETE. Callers pass their transaction client, so an event commits exactly when its change does.
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

/** Many events in one statement: a saved change set of the grid writes one event per change. */
export async function recordAuditEvents(options: { events: AuditEventInput[]; db?: DbClient }): Promise<void> {
  if (options.events.length === 0) return;
  await (options.db ?? processDb()).auditEvent.createMany({
    data: options.events.map((event) => ({
      action: event.action,
      companyId: event.companyId,
      actorId: event.actorId,
      subjectUserId: event.subjectUserId ?? null,
      licenseId: event.licenseId ?? null,
      data: event.data ?? {},
      ipAddress: event.ipAddress ?? null,
      createdAt: event.at,
    })),
  });
}
