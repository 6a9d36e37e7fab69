// R6: the shop's "Contact sales" form leaves a sales lead for the back office (R31).
import "server-only";
import type { SalesLead } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { fieldErrors } from "@/lib/accounts/account-schemas";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { SalesLeadInput } from "@/lib/shop/sales-lead-input";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export async function createSalesLead(options: SalesLeadInput & { actor: Actor; clock?: Clock; db?: DbClient }): Promise<SalesLead> {
  const parsed = SalesLeadInput.safeParse({
    productCode: options.productCode,
    companyName: options.companyName,
    country: options.country,
    email: options.email,
    message: options.message,
  });
  if (!parsed.success) throw new DomainError("INVALID", "Invalid sales request", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  const now = (options.clock ?? systemClock).now();

  return runInTransaction(options.db, async (transaction) => {
    const requester = await transaction.user.findUnique({ where: { id: options.actor.id }, select: { disabledAt: true } });
    if (!requester || requester.disabledAt) throw new DomainError("FORBIDDEN", "The acting user cannot act");
    const product = await transaction.product.findUnique({ where: { code: input.productCode }, select: { id: true } });
    if (!product) throw notFound("Product");
    const lead = await transaction.salesLead.create({
      data: {
        requesterId: options.actor.id,
        productId: product.id,
        companyName: input.companyName,
        country: input.country,
        email: input.email,
        message: input.message,
        createdAt: now,
      },
    });
    // Kept with the requester, not a company: the lead may be for a company that has no account yet.
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "sales-lead.created",
        companyId: null,
        actorId: options.actor.id,
        data: { salesLeadId: lead.id, product: input.productCode, country: input.country },
        at: now,
      },
    });
    return lead;
  });
}
