// What an admin makes the portal do to others (add, invite, resend, order) is counted per admin and per company,
// tiered by verification (rate-limits.ts). Call it after authorization, so no outsider spends the allowance.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { defaultRateLimits, type RateLimitName, type RateLimits } from "@/lib/rate-limit/rate-limits";

export type LimitedCompanyAction = "member-additions" | "invitation-resends" | "orders";

const actorKeyName: Record<LimitedCompanyAction, string> = { "member-additions": "admin", "invitation-resends": "admin", orders: "buyer" };

/** A null company (created by this order) counts in the unverified tier for the buyer only; throws RATE_LIMITED. */
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
