// R2/R5: a floating seat is valid for one hour and extended by one hour while the software is in
// use; after that it is free again without any job running (a lease is live only while
// releasedAt IS NULL AND expiresAt > now).
export const LEASE_DURATION_MS = 60 * 60 * 1000;

export function leaseExpiry(now: Date): Date {
  return new Date(now.getTime() + LEASE_DURATION_MS);
}

/**
 * The sweeper (sweep-expired-leases.ts) marks a lease released ("expired") only this long after its
 * expiry. Until then a late heartbeat may still renew it when a seat is free (heartbeat-lease.ts),
 * e.g. a laptop waking up; the sweep only tidies, it never decides whether a seat is free.
 */
export const LEASE_SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;
/** How often each app instance runs the sweeper. */
export const LEASE_SWEEP_INTERVAL_MS = 10 * 60 * 1000;
