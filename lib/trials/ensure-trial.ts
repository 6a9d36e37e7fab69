// R20: opening a product without a license starts its trial, one per user and product ever; then Standard.
import "server-only";
import type { Trial } from "@prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

const DAY_MS = 24 * 60 * 60 * 1000;

export type TrialOutcome = {
  /** Null when the product offers no trial (trialDays 0) and the user never had one. */
  trial: Trial | null;
  isNew: boolean;
  isRunning: boolean;
};

export function isTrialRunning(trial: Pick<Trial, "startedAt" | "endsAt">, now: Date): boolean {
  return trial.startedAt <= now && now < trial.endsAt;
}

export async function ensureTrial(options: {
  userId: string;
  product: { id: string; code: string; trialDays: number };
  /** For the audit trail (R24). */
  companyId: string | null;
  ipAddress?: string | null;
  clock?: Clock;
  db?: DbClient;
}): Promise<TrialOutcome> {
  const { userId, product } = options;
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (transaction) => {
    const existing = await transaction.trial.findUnique({ where: { userId_productId: { userId, productId: product.id } } });
    if (existing) return { trial: existing, isNew: false, isRunning: isTrialRunning(existing, now) };
    // trial_period requires an end after the start: a product without trial days has none to give.
    if (product.trialDays <= 0) return { trial: null, isNew: false, isRunning: false };

    const endsAt = new Date(now.getTime() + product.trialDays * DAY_MS);
    // ON CONFLICT DO NOTHING waits for a concurrent insert and yields to it: two first launches make one trial.
    const [inserted] = await transaction.$queryRaw<Trial[]>`
      INSERT INTO "Trial" ("userId", "productId", "startedAt", "endsAt")
      VALUES (${userId}::uuid, ${product.id}::uuid, ${now}, ${endsAt})
      ON CONFLICT ("userId", "productId") DO NOTHING
      RETURNING "id", "userId", "productId", "startedAt", "endsAt"`;
    if (!inserted) {
      const winner = await transaction.trial.findUniqueOrThrow({ where: { userId_productId: { userId, productId: product.id } } });
      return { trial: winner, isNew: false, isRunning: isTrialRunning(winner, now) };
    }
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "trial.started",
        companyId: options.companyId,
        actorId: userId,
        subjectUserId: userId,
        data: { productCode: product.code, trialId: inserted.id, endsAt: endsAt.toISOString() },
        ipAddress: options.ipAddress ?? null,
        at: now,
      },
    });
    return { trial: inserted, isNew: true, isRunning: true };
  });
}
