// How the outbox worker retries (R27): exponential backoff with jitter, a bounded number of
// attempts, and a claim lease after which a crashed worker's message is picked up again.
import "server-only";

/**
 * Attempts before a message is FAILED for good. With the delays below that is about eight hours
 * of retrying: a mail server that is down for a night does not lose an invitation (R27), and a
 * message that can never be delivered still ends with a status an admin can see and act on.
 */
export const MAX_DELIVERY_ATTEMPTS = 12;

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 2 * 60 * 60 * 1000;

/**
 * A claimed message is SENDING until this lease ends; a worker that crashed mid-send leaves it
 * SENDING, and after the lease another worker sends it again, with the same Message-ID (issue 15:
 * within seconds of a restart, not minutes). A live worker renews the lease of every message it is
 * still sending every CLAIM_RENEW_INTERVAL_MS, so a slow send is never overtaken however long the
 * transport's timeouts let it take.
 */
export const CLAIM_LEASE_MS = 20_000;
export const CLAIM_RENEW_INTERVAL_MS = 5_000;

/**
 * Delay before the next attempt after `attempts` failed ones: 30 s · 2^(attempts − 1), capped at
 * two hours, spread ±20 % so messages that failed together (a mail server outage) do not all
 * come back in the same second.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/** The longest delay retryDelayMs can return: tests advance their clock by this to reach the next attempt. */
export const MAX_RETRY_DELAY_MS = Math.round(MAX_DELAY_MS * 1.2);
