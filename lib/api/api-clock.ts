// The clock of the API's time rules, which tests move here (route handlers take no options).
import { systemClock, type Clock } from "@/lib/clock";

const globalForClock = globalThis as unknown as { apiClock?: Clock };

export function apiClock(): Clock {
  return globalForClock.apiClock ?? systemClock;
}

/** Null returns to the system clock; the app never calls it. */
export function useApiClock(clock: Clock | null): void {
  globalForClock.apiClock = clock ?? undefined;
}
