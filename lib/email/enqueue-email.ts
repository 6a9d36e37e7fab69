// R27: an email is an outbox row written in the caller's transaction, so it exists exactly when the change
// committed; the worker delivers it later (decision 005).
import "server-only";
import { randomUUID } from "node:crypto";
import type { EmailMessage, Prisma } from "@prisma/client";
import { z } from "zod";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { emailTemplates, type EmailTemplate, type EmailTemplatePayloads } from "@/lib/email/email-templates";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";

const EmailAddress = z.email().max(254);

export type EnqueueEmailOptions<T extends EmailTemplate> = {
  /** The caller's transaction client (or the plain client when the email is the only write). */
  db: DbClient;
  template: T;
  to: string;
  /** R29: the recipient's language; the worker renders the template in it. */
  locale: Locale;
  payload: EmailTemplatePayloads[T];
  userId?: string | null;
  companyId?: string | null;
  /** Due at once; claims compare with the same (app) clock, so tests move it instead of waiting. */
  clock?: Clock;
};

export async function enqueueEmail<T extends EmailTemplate>(
  options: EnqueueEmailOptions<T>,
): Promise<Pick<EmailMessage, "id" | "messageId">> {
  return options.db.emailMessage.create({
    data: outboxRow(options, (options.clock ?? systemClock).now()),
    select: { id: true, messageId: true },
  });
}

export type OutboxMessage = { [T in EmailTemplate]: Omit<EnqueueEmailOptions<T>, "db" | "clock"> }[EmailTemplate];

/** Many messages in one statement: a saved change set can grant hundreds of licenses (R16, R21). */
export async function enqueueEmails(options: { db: DbClient; messages: OutboxMessage[]; clock?: Clock }): Promise<number> {
  if (options.messages.length === 0) return 0;
  const now = (options.clock ?? systemClock).now();
  const rows = options.messages.map((message) => outboxRow(message, now));
  const column = <T>(pick: (row: Prisma.EmailMessageCreateManyInput) => T) => rows.map(pick);
  // unnest: one array per column, not createMany's parameter per value (bench/grid-server.ts).
  return options.db.$executeRaw`
    INSERT INTO "EmailMessage" ("messageId", "template", "toAddress", "locale", "payload", "userId", "companyId", "nextAttemptAt")
    SELECT m."messageId", m."template", m."toAddress", m."locale"::"Locale", m."payload", m."userId", m."companyId", ${now}
    FROM unnest(
      ${column((row) => row.messageId)}::text[],
      ${column((row) => row.template)}::text[],
      ${column((row) => row.toAddress)}::text[],
      ${column((row) => row.locale)}::text[],
      ${column((row) => JSON.stringify(row.payload))}::jsonb[],
      ${column((row) => row.userId ?? null)}::uuid[],
      ${column((row) => row.companyId ?? null)}::uuid[]
    ) AS m("messageId", "template", "toAddress", "locale", "payload", "userId", "companyId")`;
}

function outboxRow(options: Omit<EnqueueEmailOptions<EmailTemplate>, "db" | "clock">, now: Date): Prisma.EmailMessageCreateManyInput {
  const { template, locale, payload } = options;
  const to = options.to.trim().toLowerCase();
  if (!EmailAddress.safeParse(to).success) throw new DomainError("INVALID", "Not a valid email address", { fields: { to: "invalid" } });
  if (!(emailTemplates as readonly string[]).includes(template))
    throw new DomainError("INVALID", `Unknown email template ${template}`, { fields: { template: "invalid" } });
  return {
    messageId: newMessageId(),
    template,
    toAddress: to,
    locale,
    payload: payload as Prisma.InputJsonValue,
    userId: options.userId ?? null,
    companyId: options.companyId ?? null,
    nextAttemptAt: now,
  };
}

/** RFC 5322 Message-ID, fixed at enqueue: a resend after a crash carries the same id (decision 005). */
function newMessageId(): string {
  return `<${randomUUID()}@${new URL(env().APP_BASE_URL).hostname}>`;
}
