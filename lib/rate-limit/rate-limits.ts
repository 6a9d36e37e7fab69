// Rate limits shared by every app instance: the counters live in PostgreSQL (table RateLimit,
// rate-limiter-flexible's RateLimiterPrisma), so a second instance or a restart does not reset
// them. Keys are SHA-256 hashes: the table never holds an email or IP address in clear text.
// Counting runs on the root client, outside the caller's transaction, so an attempt counts
// even when the use case then fails and rolls back.
import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";

export type RateLimitName =
  | "sign-in-ip"
  | "sign-in-account"
  | "registration-ip"
  | "registration-email"
  | "password-reset-ip"
  | "password-reset-email"
  | "verification-resend-ip"
  | "verification-resend-email"
  | "password-check-user"
  | "password-check-ip"
  // Issue 13: what a company's admins can make the portal do to others (mails, people, orders),
  // per acting admin and per company; verified companies (decision 016) get the generous tier.
  | "member-additions-admin"
  | "member-additions-company"
  | "member-additions-admin-unverified"
  | "member-additions-company-unverified"
  | "invitation-resends-admin"
  | "invitation-resends-company"
  | "invitation-resends-admin-unverified"
  | "invitation-resends-company-unverified"
  | "orders-buyer"
  | "orders-company"
  | "orders-buyer-unverified"
  | "orders-company-unverified";

/** `points` attempts per `durationSeconds` window, counted from the window's first attempt. */
export type RateLimitPolicy = { points: number; durationSeconds: number };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const defaultRateLimitPolicies: Record<RateLimitName, RateLimitPolicy> = {
  // Password checks per IP, across accounts (password spraying); generous, as a company's offices
  // often share one address. Taken before the check; a successful sign-in gives its attempt back.
  "sign-in-ip": { points: 50, durationSeconds: 15 * MINUTE },
  // Password checks per account, taken before the check: the fifth failure locks the account for
  // the rest of the window; a successful sign-in clears the count.
  "sign-in-account": { points: 5, durationSeconds: 15 * MINUTE },
  "registration-ip": { points: 10, durationSeconds: HOUR },
  // Each attempt sends a mail to the address: a low limit keeps the portal from mail-bombing it.
  "registration-email": { points: 3, durationSeconds: HOUR },
  "password-reset-ip": { points: 10, durationSeconds: HOUR },
  "password-reset-email": { points: 3, durationSeconds: HOUR },
  "verification-resend-ip": { points: 10, durationSeconds: HOUR },
  "verification-resend-email": { points: 3, durationSeconds: HOUR },
  // The current-password check of the profile (issue 13): every check counts, taken before the
  // password is compared, so a stolen session cannot guess the password however it sends requests.
  "password-check-user": { points: 5, durationSeconds: 15 * MINUTE },
  "password-check-ip": { points: 20, durationSeconds: 15 * MINUTE },
  // "Add user" counts each submit (an unknown address in a verified company takes two: address,
  // then contact details). Onboarding 300 people in a day is 600; a company the vendor knows may
  // do far more. A self-made company (not verified) invites a small team, not a mailing list.
  "member-additions-admin": { points: 2000, durationSeconds: DAY },
  "member-additions-company": { points: 2000, durationSeconds: DAY },
  "member-additions-admin-unverified": { points: 20, durationSeconds: DAY },
  "member-additions-company-unverified": { points: 30, durationSeconds: DAY },
  // "Resend invitation": once per person after a lost mail; a few hundred for a large company.
  "invitation-resends-admin": { points: 500, durationSeconds: DAY },
  "invitation-resends-company": { points: 500, durationSeconds: DAY },
  "invitation-resends-admin-unverified": { points: 10, durationSeconds: DAY },
  "invitation-resends-company-unverified": { points: 10, durationSeconds: DAY },
  // Checkouts: a verified company's admins may order all day; a new or unverified company's
  // orders are fulfilled before anyone pays (decision 011), so only a handful. New companies
  // count against the buyer's unverified tier.
  "orders-buyer": { points: 100, durationSeconds: DAY },
  "orders-company": { points: 100, durationSeconds: DAY },
  "orders-buyer-unverified": { points: 5, durationSeconds: DAY },
  "orders-company-unverified": { points: 5, durationSeconds: DAY },
};

export type RateLimits = {
  /** Counts one attempt; throws RATE_LIMITED (details.retryAfterSeconds) once the limit is passed. */
  consume(name: RateLimitName, key: string): Promise<{ remaining: number }>;
  /** Forgets the key's attempts (a successful sign-in clears its failures). */
  reset(name: RateLimitName, key: string): Promise<void>;
  /**
   * Takes one attempt in one atomic statement, before the work it guards (issue 13: parallel
   * requests cannot all pass a check made before any of them counted). Answers instead of
   * throwing, so callers branch on a value.
   */
  take(name: RateLimitName, key: string): Promise<TakenAttempt>;
  /** Gives one taken attempt back (the attempt turned out not to count, e.g. a successful sign-in). */
  giveBack(name: RateLimitName, key: string): Promise<void>;
};

export type TakenAttempt = { allowed: true; remaining: number; windowEndsInSeconds: number } | { allowed: false; retryAfterSeconds: number };

export function rateLimitedError(retryAfterSeconds: number): DomainError {
  return new DomainError("RATE_LIMITED", "Too many attempts", { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
}

function hashedKey(key: string): string {
  return createHash("sha256").update(key.trim().toLowerCase()).digest("hex");
}

export function createRateLimits(options: {
  db: DbClient;
  policies?: Partial<Record<RateLimitName, RateLimitPolicy>>;
  /** Delete expired rows every five minutes (the app's instance does; tests need no timer). */
  clearExpired?: boolean;
}): RateLimits {
  const limiters = new Map<RateLimitName, RateLimiterPrisma>();
  const policyOf = (name: RateLimitName) => options.policies?.[name] ?? defaultRateLimitPolicies[name];
  const limiter = (name: RateLimitName) => {
    let existing = limiters.get(name);
    if (!existing) {
      const policy = policyOf(name);
      existing = new RateLimiterPrisma({
        storeClient: options.db,
        // The Prisma client's property for model RateLimit.
        tableName: "rateLimit",
        keyPrefix: name,
        points: policy.points,
        duration: policy.durationSeconds,
        clearExpiredByTimeout: options.clearExpired ?? false,
      });
      limiters.set(name, existing);
    }
    return existing;
  };

  const take: RateLimits["take"] = async (name, key) => {
    try {
      const result = await limiter(name).consume(hashedKey(key), 1);
      return { allowed: true, remaining: result.remainingPoints, windowEndsInSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
    } catch (rejection) {
      // The library rejects with a RateLimiterRes when the limit is passed, with an Error otherwise.
      if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      throw rejection;
    }
  };

  return {
    async consume(name, key) {
      const attempt = await take(name, key);
      if (!attempt.allowed) throw rateLimitedError(attempt.retryAfterSeconds);
      return { remaining: attempt.remaining };
    },
    async reset(name, key) {
      await limiter(name).delete(hashedKey(key));
    },
    take,
    async giveBack(name, key) {
      await limiter(name).reward(hashedKey(key), 1);
    },
  };
}

// Kept per module instance, not on globalThis: Next.js bundles route handlers and server actions
// separately, and limits shared between them would throw one bundle's DomainError into the other,
// where the action client does not recognise it (a "something went wrong" instead of RATE_LIMITED).
// The counters live in the database, so every instance of the limits counts in the same rows.
let moduleRateLimits: { db: DbClient; limits: RateLimits } | undefined;

/** The process-wide limits on the process-wide client (re-created when tests swap the client). */
export function defaultRateLimits(): RateLimits {
  const client = processDb();
  if (moduleRateLimits?.db !== client) moduleRateLimits = { db: client, limits: createRateLimits({ db: client, clearExpired: true }) };
  return moduleRateLimits.limits;
}
