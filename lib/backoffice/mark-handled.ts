// R31: staff mark an order or a sales lead handled with one conditional UPDATE: of two clicks one records
// it, the other gets CONFLICT.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { verifyCompany } from "@/lib/companies/company-verification";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

type Options = { actor: Actor; clock?: Clock; db?: DbClient };

export async function markOrderHandled(options: Options & { orderId: string }): Promise<{ handledAt: Date }> {
  if (!isRecordId(options.orderId)) throw notFound("Order");
  const now = (options.clock ?? systemClock).now();
  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor: options.actor, db: transaction });
    const [order] = await transaction.$queryRaw<{ companyId: string }[]>`
      UPDATE "Order" SET "handledAt" = ${now}, "handledById" = ${options.actor.id}::uuid
      WHERE "id" = ${options.orderId}::uuid AND "handledAt" IS NULL RETURNING "companyId"::text AS "companyId"`;
    if (!order) throw await alreadyDoneOrMissing(transaction.order.count({ where: { id: options.orderId } }), "Order");
    // Shown to staff and to the company's admins on their audit page (R24).
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "order.handled",
        companyId: order.companyId,
        actorId: options.actor.id,
        data: { orderId: options.orderId },
        at: now,
      },
    });
    return { handledAt: now };
  });
}

/** R6: the invoice was paid; the order becomes PAID. A second click gets CONFLICT ALREADY_PAID. */
export async function markInvoicePaid(options: Options & { orderId: string }): Promise<{ invoicePaidAt: Date }> {
  if (!isRecordId(options.orderId)) throw notFound("Order");
  const now = (options.clock ?? systemClock).now();
  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor: options.actor, db: transaction });
    const [order] = await transaction.$queryRaw<{ companyId: string }[]>`
      UPDATE "Order" SET "invoicePaidAt" = ${now}, "status" = 'PAID'
      WHERE "id" = ${options.orderId}::uuid AND "paymentMethod" = 'INVOICE' AND "status" = 'PLACED' AND "invoicePaidAt" IS NULL
      RETURNING "companyId"::text AS "companyId"`;
    if (!order)
      throw await alreadyDoneOrMissing(transaction.order.count({ where: { id: options.orderId } }), "Order", {
        message: "The invoice was already recorded as paid",
        reason: "ALREADY_PAID",
      });
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "order.invoice-paid",
        companyId: order.companyId,
        actorId: options.actor.id,
        data: { orderId: options.orderId },
        at: now,
      },
    });
    // Decision 016: a company that paid an invoice is known to the vendor.
    await verifyCompany({ transaction, companyId: order.companyId, actor: options.actor, now, reason: "invoice-paid" });
    return { invoicePaidAt: now };
  });
}

export async function markSalesLeadHandled(options: Options & { salesLeadId: string }): Promise<{ handledAt: Date }> {
  if (!isRecordId(options.salesLeadId)) throw notFound("Sales lead");
  const now = (options.clock ?? systemClock).now();
  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor: options.actor, db: transaction });
    const updated = await transaction.$executeRaw`
      UPDATE "SalesLead" SET "handledAt" = ${now}, "handledById" = ${options.actor.id}::uuid
      WHERE "id" = ${options.salesLeadId}::uuid AND "handledAt" IS NULL`;
    if (updated === 0) throw await alreadyDoneOrMissing(transaction.salesLead.count({ where: { id: options.salesLeadId } }), "Sales lead");
    // A lead belongs to no company account (there may be none yet).
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "sales-lead.handled",
        companyId: null,
        actorId: options.actor.id,
        data: { salesLeadId: options.salesLeadId },
        at: now,
      },
    });
    return { handledAt: now };
  });
}

/** The conditional UPDATE changed nothing: CONFLICT when the row exists (it was done already), else NOT_FOUND. */
async function alreadyDoneOrMissing(
  count: Promise<number>,
  what: string,
  conflict: { message: string; reason: "ALREADY_HANDLED" | "ALREADY_PAID" } = {
    message: `${what} was already handled`,
    reason: "ALREADY_HANDLED",
  },
): Promise<DomainError> {
  return (await count) > 0 ? new DomainError("CONFLICT", conflict.message, { reason: conflict.reason }) : notFound(what);
}
