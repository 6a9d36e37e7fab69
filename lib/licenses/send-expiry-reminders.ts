// 30 days before a license ends, each ADMIN of its company gets one reminder (R27, R29). A license is claimed
// by one conditional UPDATE with SKIP LOCKED, so two workers never remind twice; a renewal clears the mark.
import "server-only";
import type { LicenseType } from "@prisma/client";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { absoluteUrl } from "@/lib/email/absolute-url";
import { enqueueEmails, type OutboxMessage } from "@/lib/email/enqueue-email";
import { repeatInBackground } from "@/lib/runtime/repeat-in-background";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export const EXPIRY_REMINDER_DAYS = 30;
/** A reminder may go out up to this much later than 30 days before. */
export const EXPIRY_REMINDER_INTERVAL_MS = 5 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

type ClaimedLicense = { id: string; groupId: string; productId: string; type: LicenseType; seats: number; validUntil: Date };

/** One round of up to `batchSize` licenses; returns how many. */
export async function sendExpiryReminders(options: { clock?: Clock; db?: DbClient; batchSize?: number } = {}): Promise<number> {
  const now = (options.clock ?? systemClock).now();
  const horizon = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * DAY_MS);
  const batchSize = options.batchSize ?? 100;

  return runInTransaction(options.db, async (transaction) => {
    // Not yet ended (an expired license gets no "will expire" mail) and ending within 30 days.
    const claimed = await transaction.$queryRaw<ClaimedLicense[]>`
      UPDATE "License" SET "expiryReminderSentAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "License"
        WHERE "expiryReminderSentAt" IS NULL AND "validUntil" > ${now} AND "validUntil" <= ${horizon}
        ORDER BY "validUntil"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      ) AND "expiryReminderSentAt" IS NULL
      RETURNING "id", "groupId", "productId", "type", "seats", "validUntil"`;
    if (claimed.length === 0) return 0;

    const groups = await transaction.licenseGroup.findMany({
      where: { id: { in: [...new Set(claimed.map((license) => license.groupId))] } },
      select: {
        id: true,
        company: {
          select: {
            id: true,
            name: true,
            memberships: {
              where: { role: "ADMIN", user: { disabledAt: null } },
              select: { user: { select: { id: true, email: true, firstName: true, language: true } } },
            },
          },
        },
      },
    });
    const groupById = new Map(groups.map((group) => [group.id, group]));
    const products = await transaction.product.findMany({
      where: { id: { in: [...new Set(claimed.map((license) => license.productId))] } },
      select: { id: true, name: true },
    });
    const productName = new Map(products.map((product) => [product.id, product.name]));

    const messages: OutboxMessage[] = [];
    for (const license of claimed) {
      const group = groupById.get(license.groupId)!;
      for (const { user } of group.company.memberships) {
        messages.push({
          template: "license-expiring",
          to: user.email,
          locale: user.language,
          userId: user.id,
          companyId: group.company.id,
          payload: {
            firstName: user.firstName,
            companyName: group.company.name,
            productName: productName.get(license.productId) ?? "",
            licenseType: license.type,
            seats: license.seats,
            validUntil: license.validUntil.toISOString(),
            daysLeft: Math.ceil((license.validUntil.getTime() - now.getTime()) / DAY_MS),
            renewUrl: absoluteUrl(`/software-management/${group.id}`),
          },
        });
      }
    }
    await enqueueEmails({ db: transaction, messages, clock: options.clock });
    await recordAuditEvents({
      db: transaction,
      events: claimed.map((license) => ({
        action: "license.expiry-reminded" as const,
        companyId: groupById.get(license.groupId)!.company.id,
        actorId: null,
        licenseId: license.id,
        data: { validUntil: license.validUntil.toISOString(), admins: groupById.get(license.groupId)!.company.memberships.length },
        at: now,
      })),
    });
    return claimed.length;
  });
}

/** Rounds on an interval next to the email worker; a failed round is logged and retried. */
export function startExpiryReminders(options: { intervalMs?: number; log?: (line: string) => void } = {}): () => void {
  const log = options.log ?? ((line: string) => console.log(`[expiry] ${line}`));
  return repeatInBackground({
    name: "expiry",
    intervalMs: options.intervalMs ?? EXPIRY_REMINDER_INTERVAL_MS,
    round: async () => {
      let sent = 0;
      for (let claimed = await sendExpiryReminders(); claimed > 0; claimed = await sendExpiryReminders()) sent += claimed;
      if (sent > 0) log(`sent expiry reminders for ${sent} license(s)`);
    },
  });
}
