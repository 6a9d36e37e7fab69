// R17/R27: what became of a company's emails to its people; only the latest per person and template
// counts, so a resend replaces the failed one's status.
import "server-only";
import type { EmailStatus } from "@prisma/client";
import { db as defaultDb, type DbClient } from "@/lib/db/client";
import type { EmailTemplate } from "@/lib/email/email-templates";
import { isRecordId } from "@/lib/validation/record-id";

export type EmailStatusEntry = {
  id: string;
  userId: string;
  template: EmailTemplate;
  status: EmailStatus;
  attempts: number;
  /** The mail server's last answer; for admins and logs, not to be shown to end users verbatim. */
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  toAddress: string;
};

export async function getEmailStatus(options: {
  /** R28: always scoped to one company; messages of other companies are never returned. */
  companyId: string;
  userIds?: string[];
  templates?: EmailTemplate[];
  db?: DbClient;
}): Promise<EmailStatusEntry[]> {
  const { companyId } = options;
  if (!isRecordId(companyId)) return [];
  const userIds = options.userIds?.filter(isRecordId) ?? null;
  if (userIds?.length === 0) return [];
  const templates = options.templates ?? null;
  const client = options.db ?? defaultDb();
  return client.$queryRaw<EmailStatusEntry[]>`
    SELECT DISTINCT ON ("userId", "template")
      "id", "userId", "template", "status"::text AS "status", "attempts", "lastError", "sentAt", "createdAt", "toAddress"
    FROM "EmailMessage"
    WHERE "companyId" = ${companyId}::uuid
      AND "userId" IS NOT NULL
      AND (${userIds}::uuid[] IS NULL OR "userId" = ANY(${userIds}::uuid[]))
      AND (${templates}::text[] IS NULL OR "template" = ANY(${templates}::text[]))
    ORDER BY "userId", "template", "createdAt" DESC, "id" DESC`;
}
