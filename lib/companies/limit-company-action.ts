// Issue 13: what an admin makes the portal do to other people — add or invite them, resend their
// invitation, place an order fulfilled before payment — is counted per acting admin and per
// company, with a generous tier for verified companies and a tight one for self-made ones
// (decision 016; the numbers are in lib/rate-limit/rate-limits.ts). Called after authorization, so
// nobody outside the company can spend its allowance.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { defaultRateLimits, type RateLimitName, type RateLimits } from "@/lib/rate-limit/rate-limits";

export type LimitedCompanyAction = "member-additions" | "invitation-resends" | "orders";

const actorKeyName: Record<LimitedCompanyAction, string> = { "member-additions": "admin", "invitation-resends": "admin", orders: "buyer" };

/**
 * Counts one attempt for the actor and for the company (null: a company still to be created by
 * this order, which counts in the unverified tier for the buyer only); throws RATE_LIMITED.
 */
export async function limitCompanyAction(options: {
  action: LimitedCompanyAction;
  actor: Actor;
  companyId: string | null;
  rateLimits?: RateLimits;
  db?: DbClient;
}): Promise<void> {
  const rateLimits = options.rateLimits ?? defaultRateLimits();
  const company = options.companyId
    ? await (options.db ?? processDb()).company.findUnique({ where: { id: options.companyId }, select: { verifiedAt: true } })
    : null;
  const tier = company?.verifiedAt ? "" : "-unverified";
  const name = (who: string) => `${options.action}-${who}${tier}` as RateLimitName;
  await rateLimits.consume(name(actorKeyName[options.action]), options.actor.id);
  if (options.companyId) await rateLimits.consume(name("company"), options.companyId);
}
