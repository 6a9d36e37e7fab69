// R2/R5: a lease is live while releasedAt IS NULL AND expiresAt > now; no job has to run to free a seat.
export const LEASE_DURATION_MS = 60 * 60 * 1000;

export function leaseExpiry(now: Date): Date {
  return new Date(now.getTime() + LEASE_DURATION_MS);
}

/** The sweeper marks a lease released this long after its expiry; until then a late heartbeat may renew it. */
export const LEASE_SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;
export const LEASE_SWEEP_INTERVAL_MS = 10 * 60 * 1000;
