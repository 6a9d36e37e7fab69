// R1, R2, R20: what opening a web product gives: a named license, a floating seat for this browser (or the
// refusal naming when one frees up), else a trial once and Standard after it.
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
  lease?: FloatingLease;
  trial?: Trial;
};
export type LaunchRefusal = {
  kind: "seats-in-use";
  seats: number;
  /** When the first of those seats frees up at the latest. */
  nextExpiry: Date | null;
};
export type LaunchOutcome = LaunchGrant | LaunchRefusal;

type UsableLicense = { id: string; type: LicenseType; companyId: string };

export async function launchProduct(options: {
  user: LaunchUser;
  productCode: string;
  /** The portal session's seatHolderId. */
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
  const launched: LaunchedProduct = {
    id: product.id,
    code: product.code,
    name: product.name,
    launchUrl: product.launchUrl,
    trialDays: product.trialDays,
  };
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

    // R1: a named license takes no seat.
    const named = licenses.find((license) => license.type === "NAMED_USER");
    if (named) return opened({ kind: "granted", level: "licensed", companyId: named.companyId, licenseId: named.id });

    // R2: a seat for this browser session; acquireLease records it taken or refused.
    const floating = licenses.filter((license) => license.type === "FLOATING");
    const refusals: { seats: number; nextExpiry: Date | null }[] = [];
    for (const license of floating) {
      try {
        const { lease } = await acquireLease({
          userId: user.id,
          licenseId: license.id,
          holder: { browserSessionId },
          clock: options.clock,
          db: transaction,
        });
        return opened({ kind: "granted", level: "licensed", companyId: license.companyId, licenseId: license.id, lease });
      } catch (error) {
        if (!isDomainError(error, "SEATS_EXHAUSTED") || error.details.reason !== "NO_SEAT_AVAILABLE") throw error;
        const { seats, nextExpiry } = error.details;
        refusals.push({ seats, nextExpiry: nextExpiry === null ? null : new Date(nextExpiry) });
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

    // R20: no usable license: a trial, once; then Standard.
    const { trial, isRunning } = await ensureTrial({
      userId: user.id,
      product,
      companyId: currentCompanyId,
      ipAddress: options.ipAddress,
      clock: options.clock,
      db: transaction,
    });
    if (trial && isRunning) return opened({ kind: "granted", level: "trial", companyId: currentCompanyId, trial });
    return opened({ kind: "granted", level: "standard", companyId: currentCompanyId, ...(trial ? { trial } : {}) });
  });
  return { product: launched, outcome };
}

/** Licenses usable now (active assignment, valid, a role that may use software): named first, current company first. */
async function usableLicenses(options: {
  client: DbClient;
  user: LaunchUser;
  productId: string;
  now: Date;
  currentCompanyId: string | null;
}): Promise<UsableLicense[]> {
  const { client, user, now, currentCompanyId } = options;
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
