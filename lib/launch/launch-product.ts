// R1, R2, R20: what opening a web product gives the signed-in user. A named license: access at
// any time. A floating license: a seat for this browser session, or a refusal naming when the next
// seat frees up. No usable license (none, revoked, expired): a trial, once; after it, Standard.
import "server-only";
import type { FloatingLease, LicenseType, Trial } from "@prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canUseSoftware } from "@/lib/auth/permissions";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { isDomainError, notFound } from "@/lib/errors";
import { acquireLease } from "@/lib/leases/acquire-lease";
import type { LaunchLevel } from "@/lib/signing/token-types";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { ensureTrial } from "@/lib/trials/ensure-trial";

export type LaunchUser = Pick<CurrentUser, "id" | "memberships" | "currentMembership">;
export type LaunchedProduct = { id: string; code: string; name: string; launchUrl: string; trialDays: number };

export type LaunchGrant = {
  kind: "granted";
  level: LaunchLevel;
  /** The license's company; for a trial or Standard the user's current company, if any. */
  companyId: string | null;
  licenseId?: string;
  /** Floating licenses: the seat this browser session holds. */
  lease?: FloatingLease;
  trial?: Trial;
};
export type LaunchRefusal = {
  kind: "seats-in-use";
  /** Seats of the user's floating licenses of the product, all taken. */
  seats: number;
  /** When the first of those seats frees up at the latest (R2: a seat lapses after 1 hour). */
  nextExpiry: Date | null;
};
export type LaunchOutcome = LaunchGrant | LaunchRefusal;

type UsableLicense = { id: string; type: LicenseType; companyId: string };

export async function launchProduct(options: {
  user: LaunchUser;
  productCode: string;
  /** The browser a floating seat is taken for: its portal session's seatHolderId (lib/auth/portal-sessions.ts). */
  browserSessionId: string;
  ipAddress?: string | null;
  clock?: Clock;
  db?: DbClient;
}): Promise<{ product: LaunchedProduct; outcome: LaunchOutcome }> {
  const { user, browserSessionId } = options;
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  const product = await client.product.findUnique({
    where: { code: options.productCode },
    select: { id: true, code: true, name: true, kind: true, launchUrl: true, trialDays: true },
  });
  // Desktop software is downloaded and activated, not launched (R21, R22).
  if (!product || product.kind !== "WEB" || !product.launchUrl) throw notFound("Product");
  const launched: LaunchedProduct = { id: product.id, code: product.code, name: product.name, launchUrl: product.launchUrl, trialDays: product.trialDays };
  const currentCompanyId = user.currentMembership?.company.id ?? null;
  const licenses = await usableLicenses({ client, user, productId: product.id, now, currentCompanyId });

  const outcome = await runInTransaction(client, async (transaction): Promise<LaunchOutcome> => {
    const opened = async (grant: LaunchGrant): Promise<LaunchGrant> => {
      await recordAuditEvent({
        db: transaction,
        event: {
          action: "launch.opened",
          companyId: grant.companyId,
          actorId: user.id,
          subjectUserId: user.id,
          licenseId: grant.licenseId ?? null,
          data: { productCode: product.code, level: grant.level, ...(grant.lease ? { leaseId: grant.lease.id } : {}) },
          ipAddress: options.ipAddress ?? null,
          at: now,
        },
      });
      return grant;
    };

    // R1: a named license gives access at any time and takes no seat.
    const named = licenses.find((license) => license.type === "NAMED_USER");
    if (named) return opened({ kind: "granted", level: "licensed", companyId: named.companyId, licenseId: named.id });

    // R2: a floating license takes a seat for this browser session (or extends the one it holds).
    // acquireLease records the seat taken or refused (lease.acquired, lease.refused) itself.
    const floating = licenses.filter((license) => license.type === "FLOATING");
    const refusals: { seats: number; nextExpiry: Date | null }[] = [];
    for (const license of floating) {
      try {
        const { lease } = await acquireLease({ userId: user.id, licenseId: license.id, holder: { browserSessionId }, clock: options.clock, db: transaction });
        return opened({ kind: "granted", level: "licensed", companyId: license.companyId, licenseId: license.id, lease });
      } catch (error) {
        if (!isDomainError(error, "SEATS_EXHAUSTED")) throw error;
        const nextExpiry = typeof error.details.nextExpiry === "string" ? new Date(error.details.nextExpiry) : null;
        refusals.push({ seats: Number(error.details.seats ?? 0), nextExpiry });
      }
    }
    if (refusals.length > 0) {
      const expiries = refusals.flatMap((refusal) => (refusal.nextExpiry ? [refusal.nextExpiry.getTime()] : []));
      return {
        kind: "seats-in-use",
        seats: refusals.reduce((sum, refusal) => sum + refusal.seats, 0),
        nextExpiry: expiries.length > 0 ? new Date(Math.min(...expiries)) : null,
      };
    }

    // R20: no usable license (never had one, revoked or expired): a trial, once; then Standard.
    const { trial, isRunning } = await ensureTrial({ userId: user.id, product, companyId: currentCompanyId, ipAddress: options.ipAddress, clock: options.clock, db: transaction });
    if (trial && isRunning) return opened({ kind: "granted", level: "trial", companyId: currentCompanyId, trial });
    return opened({ kind: "granted", level: "standard", companyId: currentCompanyId, ...(trial ? { trial } : {}) });
  });
  return { product: launched, outcome };
}

/**
 * The user's licenses of the product they may use now: an active assignment (R18) of a license
 * valid today, in a company where their role may use software. Named licenses first, as they take
 * no seat; then the current company's (R11) before the others'.
 */
async function usableLicenses(options: { client: DbClient; user: LaunchUser; productId: string; now: Date; currentCompanyId: string | null }): Promise<UsableLicense[]> {
  const { client, user, now, currentCompanyId } = options;
  // One permission vocabulary (lib/auth/permissions.ts): a role that may not use software opens nothing.
  const companyIds = user.memberships.filter((membership) => canUseSoftware(membership)).map((membership) => membership.company.id);
  if (companyIds.length === 0) return [];
  const assignments = await client.assignment.findMany({
    where: {
      userId: user.id,
      revokedAt: null,
      license: { productId: options.productId, validFrom: { lte: now }, validUntil: { gt: now }, group: { companyId: { in: companyIds } } },
    },
    orderBy: { assignedAt: "asc" },
    select: { license: { select: { id: true, type: true, group: { select: { companyId: true } } } } },
  });
  const rank = (license: UsableLicense) => (license.type === "NAMED_USER" ? 0 : 2) + (license.companyId === currentCompanyId ? 0 : 1);
  return assignments
    .map(({ license }) => ({ id: license.id, type: license.type, companyId: license.group.companyId }))
    .filter((license) => license.type !== "NODE_LOCKED")
    .sort((a, b) => rank(a) - rank(b));
}
