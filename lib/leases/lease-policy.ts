// R2/R5: a floating seat is valid for one hour and extended by one hour while the software is in
// use; after that it is free again without any job running (a lease is live only while
// releasedAt IS NULL AND expiresAt > now).
export const LEASE_DURATION_MS = 60 * 60 * 1000;

export function leaseExpiry(now: Date): Date {
  return new Date(now.getTime() + LEASE_DURATION_MS);
}
