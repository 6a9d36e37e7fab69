// Decision 016: a company created by staff, or with an invoice paid, is verified; its admins add people at once.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db as processDb, type DbClient } from "@/lib/db/client";

export function isVerifiedCompany(company: { verifiedAt: Date | null }): boolean {
  return company.verifiedAt !== null;
}

/** Marks the company verified (once: a later paid invoice changes nothing), audited, in the caller's transaction. */
export async function verifyCompany(options: {
  transaction: DbClient;
  companyId: string;
  actor: Actor;
  now: Date;
  reason: "invoice-paid";
}): Promise<void> {
  const verified = await options.transaction.$executeRaw`
    UPDATE "Company" SET "verifiedAt" = ${options.now}, "updatedAt" = ${options.now} WHERE "id" = ${options.companyId}::uuid AND "verifiedAt" IS NULL`;
  if (verified === 0) return;
  await recordAuditEvent({
    db: options.transaction,
    event: {
      action: "company.verified",
      companyId: options.companyId,
      actorId: options.actor.id,
      data: { reason: options.reason },
      at: options.now,
    },
  });
}

/** False when the company does not exist. */
export async function isCompanyVerifiedById(options: { companyId: string; db?: DbClient }): Promise<boolean> {
  const company = await (options.db ?? processDb()).company.findUnique({ where: { id: options.companyId }, select: { verifiedAt: true } });
  return company !== null && isVerifiedCompany(company);
}
