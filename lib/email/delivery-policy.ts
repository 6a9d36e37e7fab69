// How the outbox worker retries (R27, decision 005).
import "server-only";

/** About eight hours of retrying with the delays below: a night's outage loses no invitation. */
export const MAX_DELIVERY_ATTEMPTS = 12;

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 2 * 60 * 60 * 1000;

/** A crashed worker's message is due again when its lease ends; a live worker renews it every CLAIM_RENEW_INTERVAL_MS. */
export const CLAIM_LEASE_MS = 20_000;
export const CLAIM_RENEW_INTERVAL_MS = 5_000;

/** Delay after `attempts` failed ones: 30 s · 2^(attempts − 1), capped at two hours, ±20 % jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/** The longest delay retryDelayMs can return: tests advance their clock by this to reach the next attempt. */
export const MAX_RETRY_DELAY_MS = Math.round(MAX_DELAY_MS * 1.2);
