// R2/R5: take a seat of a floating license for a device or a browser session; the same holder asking again
// extends its own lease. A refusal for lack of seats is recorded after the seat statement (R24).
import "server-only";
import type { FloatingLease } from "@prisma/client";
import { MAX_FINGERPRINT_LENGTH } from "@/lib/activations/activate-license";
import { sessionEnded } from "@/lib/api-sessions/access-tokens";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, queryRows, type DbClient } from "@/lib/db/client";
import { DomainError, isDomainError, notFound } from "@/lib/errors";
import { takeFloatingSeat, type SessionToCheck, type TakenSeatRow } from "@/lib/leases/lease-statements";
import { isRecordId } from "@/lib/validation/record-id";
import { isLicenseValidAt } from "@/lib/licenses/license-validity";

/** A device by id, a device of the user by its fingerprint (the API), or a browser session (web apps). */
export type LeaseHolder = { deviceId: string } | { fingerprint: string } | { browserSessionId: string };
export type AcquiredLease = {
  lease: FloatingLease;
  isNew: boolean;
  /** For the signed receipt: its audience and the holder's machine. */
  productCode: string;
  fingerprint: string | null;
};

const MAX_BROWSER_SESSION_ID_LENGTH = 200;

export async function acquireLease(options: {
  userId: string;
  licenseId: string;
  holder: LeaseHolder;
  /** The caller's API session, checked by the seat statement before anything else (decision 013). */
  session?: SessionToCheck;
  clock?: Clock;
  db?: DbClient;
}): Promise<AcquiredLease> {
  const { userId, licenseId, holder } = options;
  if (!isRecordId(licenseId)) throw notFound("License");
  if (!isWellFormedHolder(holder)) throw notFound("Lease holder");
  const now = (options.clock ?? systemClock).now();

  try {
    // R25: one statement (decision 012); inside a caller's transaction (launch) it joins it.
    const [row] = await queryRows<TakenSeatRow>(
      options.db ?? processDb(),
      takeFloatingSeat({
        licenseId,
        userId,
        deviceId: "deviceId" in holder ? holder.deviceId : null,
        fingerprint: "fingerprint" in holder ? holder.fingerprint : null,
        browserSessionId: "browserSessionId" in holder ? holder.browserSessionId : null,
        session: options.session ?? null,
        now,
      }),
    );
    if (row && !row.isSessionLive) throw sessionEnded();
    // R28: another company's license is unknown.
    if (!row || !row.isMember) throw notFound("License");
    if (row.type !== "FLOATING") throw new DomainError("INVALID", "Only floating licenses have leases", { reason: "NOT_FLOATING" });
    if (!row.isAssigned) throw new DomainError("FORBIDDEN", "This license is not assigned to you", { reason: "NOT_ASSIGNED" });
    if (!isLicenseValidAt(row, now)) throw new DomainError("FORBIDDEN", "This license is not valid now", { reason: "LICENSE_NOT_VALID" });
    const fingerprint = checkedHolderFingerprint(holder, row);
    if (row.isNew === null) {
      if (row.liveCount === null) throw new Error("take_floating_seat refused a seat that the checks allow");
      throw new DomainError("SEATS_EXHAUSTED", "All seats of this license are in use", {
        reason: "NO_SEAT_AVAILABLE",
        licenseId,
        companyId: row.companyId,
        seats: row.seats,
        live: row.liveCount,
        nextExpiry: row.nextExpiry?.toISOString() ?? null,
      });
    }
    const lease: FloatingLease = {
      id: row.leaseId!,
      licenseId,
      userId,
      deviceId: row.leaseDeviceId,
      browserSessionId: row.leaseBrowserSessionId,
      acquiredAt: row.acquiredAt!,
      expiresAt: row.expiresAt!,
      releasedAt: null,
      releaseReason: null,
    };
    return { lease, isNew: row.isNew, productCode: row.productCode, fingerprint };
  } catch (error) {
    if (isDomainError(error, "SEATS_EXHAUSTED") && error.details.reason === "NO_SEAT_AVAILABLE") {
      const { companyId, seats } = error.details;
      await recordAuditEvent({
        db: options.db,
        event: {
          action: "lease.refused",
          companyId,
          actorId: userId,
          subjectUserId: userId,
          licenseId,
          data: { reason: "NO_SEAT_AVAILABLE", seats, holder: "browserSessionId" in holder ? "browser" : "device" },
          at: now,
        },
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

/** Web apps hold seats per browser session (R2), desktop apps per activated device of the user (R5). */
function checkedHolderFingerprint(holder: LeaseHolder, license: TakenSeatRow): string | null {
  if ("browserSessionId" in holder) {
    if (license.kind !== "WEB") throw new DomainError("INVALID", "Desktop software takes seats per device", { reason: "WRONG_HOLDER" });
    return null;
  }
  if (license.kind !== "DESKTOP")
    throw new DomainError("INVALID", "Web software takes seats per browser session", { reason: "WRONG_HOLDER" });
  // An unknown fingerprint is a machine that was never activated.
  if (!license.deviceId && "deviceId" in holder) throw notFound("Device");
  if (!license.deviceId || !license.deviceFingerprint || !license.isActivated)
    throw new DomainError("FORBIDDEN", "This device has not been activated for the license", { reason: "NOT_ACTIVATED" });
  return license.deviceFingerprint;
}
