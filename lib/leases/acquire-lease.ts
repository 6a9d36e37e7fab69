// R2/R5: take (or extend) a seat of a floating license for one holder: a desktop device or a
// browser session. The same holder asking again extends its own lease instead of taking a second seat.
// A new seat is recorded (lease.acquired); a refusal for lack of seats too (lease.refused), in a
// transaction of its own so the record commits although the seat transaction refuses (R24).
import "server-only";
import type { FloatingLease } from "@prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { DomainError, isDomainError, notFound } from "@/lib/errors";
import { lockLicenseForLease, takeSeat, type LicenseForLease, type TakeSeatRow } from "@/lib/leases/lease-statements";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

/** A device by id, a device of the user by its fingerprint (the API), or a browser session (web apps). */
export type LeaseHolder = { deviceId: string } | { fingerprint: string } | { browserSessionId: string };
export type AcquiredLease = {
  lease: FloatingLease;
  isNew: boolean;
  /** For the signed receipt (lease+jwt): its audience and the holder's machine. */
  productCode: string;
  fingerprint: string | null;
};

const MAX_BROWSER_SESSION_ID_LENGTH = 200;
const MAX_FINGERPRINT_LENGTH = 200;

type ResolvedHolder = { deviceId: string; fingerprint: string } | { browserSessionId: string };

export async function acquireLease(options: {
  userId: string;
  licenseId: string;
  holder: LeaseHolder;
  clock?: Clock;
  db?: DbClient;
}): Promise<AcquiredLease> {
  const { userId, licenseId, holder } = options;
  if (!isRecordId(licenseId)) throw notFound("License");
  if (!isWellFormedHolder(holder)) throw notFound("Lease holder");
  const now = (options.clock ?? systemClock).now();

  try {
    return await runInTransaction(options.db, async (transaction) => {
      // R25: every seat decision of this license happens under its row lock, so concurrent requests
      // on any number of app instances are counted one after another (lease-statements.ts).
      const [license] = await transaction.$queryRaw<LicenseForLease[]>(
        lockLicenseForLease({
          licenseId,
          userId,
          deviceId: "deviceId" in holder ? holder.deviceId : null,
          fingerprint: "fingerprint" in holder ? holder.fingerprint : null,
        }),
      );
      // R28: another company's license is as unknown as a missing one.
      if (!license || !license.isMember) throw notFound("License");
      if (license.type !== "FLOATING") throw new DomainError("INVALID", "Only floating licenses have leases", { reason: "NOT_FLOATING" });
      if (!license.isAssigned) throw new DomainError("FORBIDDEN", "This license is not assigned to you", { reason: "NOT_ASSIGNED" });
      if (now < license.validFrom || now >= license.validUntil) throw new DomainError("FORBIDDEN", "This license is not valid now", { reason: "LICENSE_NOT_VALID" });
      const resolved = resolveHolder(holder, license);

      // A statement of its own after the lock, so it sees every lease committed before it.
      const [row] = await transaction.$queryRaw<TakeSeatRow[]>(
        takeSeat({ licenseId, companyId: license.companyId, userId, seats: license.seats, holder: holderColumns(resolved), now }),
      );
      const { liveCount, nextExpiry, isNew, ...lease } = row!;
      if (isNew === null) {
        // R25: counted under the license row lock, so two instances cannot both take the last seat.
        throw new DomainError("SEATS_EXHAUSTED", "All seats of this license are in use", {
          licenseId,
          companyId: license.companyId,
          seats: license.seats,
          live: liveCount,
          nextExpiry: nextExpiry?.toISOString() ?? null,
        });
      }
      return { lease: lease as FloatingLease, isNew, productCode: license.productCode, fingerprint: "fingerprint" in resolved ? resolved.fingerprint : null };
    });
  } catch (error) {
    if (isDomainError(error, "SEATS_EXHAUSTED")) {
      await recordAuditEvent({
        db: options.db,
        event: { action: "lease.refused", companyId: String(error.details.companyId), actorId: userId, subjectUserId: userId, licenseId, data: { reason: "NO_SEAT_AVAILABLE", seats: Number(error.details.seats), holder: "browserSessionId" in holder ? "browser" : "device" }, at: now },
      });
    }
    throw error;
  }
}

function isWellFormedHolder(holder: LeaseHolder): boolean {
  if ("deviceId" in holder) return isRecordId(holder.deviceId);
  if ("fingerprint" in holder) return Boolean(holder.fingerprint) && holder.fingerprint.length <= MAX_FINGERPRINT_LENGTH;
  return Boolean(holder.browserSessionId) && holder.browserSessionId.length <= MAX_BROWSER_SESSION_ID_LENGTH;
}

/**
 * Web apps hold seats per browser session (R2); desktop apps per device, which must belong to the
 * user and have this license activated (R5: installed and activated once on every computer).
 */
function resolveHolder(holder: LeaseHolder, license: LicenseForLease): ResolvedHolder {
  if ("browserSessionId" in holder) {
    if (license.kind !== "WEB") throw new DomainError("INVALID", "Desktop software takes seats per device", { reason: "WRONG_HOLDER" });
    return { browserSessionId: holder.browserSessionId };
  }
  if (license.kind !== "DESKTOP") throw new DomainError("INVALID", "Web software takes seats per browser session", { reason: "WRONG_HOLDER" });
  // A device id must be the user's own; an unknown fingerprint is a machine that was never activated.
  if (!license.deviceId && "deviceId" in holder) throw notFound("Device");
  if (!license.deviceId || !license.deviceFingerprint || !license.isActivated) throw new DomainError("FORBIDDEN", "This device has not been activated for the license", { reason: "NOT_ACTIVATED" });
  return { deviceId: license.deviceId, fingerprint: license.deviceFingerprint };
}

function holderColumns(holder: ResolvedHolder): { deviceId: string | null; browserSessionId: string | null } {
  return "deviceId" in holder ? { deviceId: holder.deviceId, browserSessionId: null } : { deviceId: null, browserSessionId: holder.browserSessionId };
}

