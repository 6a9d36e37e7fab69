// Rate limits shared by every instance, counted in PostgreSQL under SHA-256 keys (decision 006), outside the
// caller's transaction, so an attempt counts even when the use case rolls back.
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
  // What a company's admins can make the portal do to others, per admin and per company; verified companies
  // (decision 016) get the generous tier.
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
  // Across accounts (password spraying); generous, as an office shares one address. A success gives it back.
  "sign-in-ip": { points: 50, durationSeconds: 15 * MINUTE },
  // The fifth failure locks the account for the rest of the window; a success clears the count.
  "sign-in-account": { points: 5, durationSeconds: 15 * MINUTE },
  "registration-ip": { points: 10, durationSeconds: HOUR },
  // Each attempt sends a mail to the address: a low limit keeps the portal from mail-bombing it.
  "registration-email": { points: 3, durationSeconds: HOUR },
  "password-reset-ip": { points: 10, durationSeconds: HOUR },
  "password-reset-email": { points: 3, durationSeconds: HOUR },
  "verification-resend-ip": { points: 10, durationSeconds: HOUR },
  "verification-resend-email": { points: 3, durationSeconds: HOUR },
  // The profile's current-password check: every check counts, so a stolen session cannot guess the password.
  "password-check-user": { points: 5, durationSeconds: 15 * MINUTE },
  "password-check-ip": { points: 20, durationSeconds: 15 * MINUTE },
  // Each submit counts (an unknown address takes two); a company not verified invites a team, not a list.
  "member-additions-admin": { points: 2000, durationSeconds: DAY },
  "member-additions-company": { points: 2000, durationSeconds: DAY },
  "member-additions-admin-unverified": { points: 20, durationSeconds: DAY },
  "member-additions-company-unverified": { points: 30, durationSeconds: DAY },
  // "Resend invitation": once per person after a lost mail; a few hundred for a large company.
  "invitation-resends-admin": { points: 500, durationSeconds: DAY },
  "invitation-resends-company": { points: 500, durationSeconds: DAY },
  "invitation-resends-admin-unverified": { points: 10, durationSeconds: DAY },
  "invitation-resends-company-unverified": { points: 10, durationSeconds: DAY },
  // An unverified company's orders are fulfilled before anyone pays (decision 011), so only a handful.
  "orders-buyer": { points: 100, durationSeconds: DAY },
  "orders-company": { points: 100, durationSeconds: DAY },
  "orders-buyer-unverified": { points: 5, durationSeconds: DAY },
  "orders-company-unverified": { points: 5, durationSeconds: DAY },
};

export type RateLimits = {
  /** Counts one attempt; throws RATE_LIMITED (details.retryAfterSeconds) once the limit is passed. */
  consume(name: RateLimitName, key: string): Promise<{ remaining: number }>;
  reset(name: RateLimitName, key: string): Promise<void>;
  /** One attempt in one atomic statement, before the work it guards, so parallel requests cannot all pass. */
  take(name: RateLimitName, key: string): Promise<TakenAttempt>;
  /** The attempt turned out not to count, e.g. a successful sign-in. */
  giveBack(name: RateLimitName, key: string): Promise<void>;
};

export type TakenAttempt =
  { allowed: true; remaining: number; windowEndsInSeconds: number } | { allowed: false; retryAfterSeconds: number };

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
      if (rejection instanceof RateLimiterRes)
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
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

// Per module instance, not on globalThis: Next.js bundles route handlers and actions separately, and one bundle's
// DomainError thrown into the other is not recognised. The counters are shared in the database anyway.
let moduleRateLimits: { db: DbClient; limits: RateLimits } | undefined;

/** The process-wide limits on the process-wide client (re-created when tests swap the client). */
export function defaultRateLimits(): RateLimits {
  const client = processDb();
  if (moduleRateLimits?.db !== client) moduleRateLimits = { db: client, limits: createRateLimits({ db: client, clearExpired: true }) };
  return moduleRateLimits.limits;
}
