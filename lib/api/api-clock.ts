// The clock of the API's time rules (token and lease expiry). Route handlers are plain functions
// called by Next.js, so tests move time for them here, as they point the domain at their database
// with useDb; the app itself never calls useApiClock.
import { systemClock, type Clock } from "@/lib/clock";

const globalForClock = globalThis as unknown as { apiClock?: Clock };

export function apiClock(): Clock {
  return globalForClock.apiClock ?? systemClock;
}

/** For tests and the seat-safety workers: null returns to the system clock. */
export function useApiClock(clock: Clock | null): void {
  globalForClock.apiClock = clock ?? undefined;
}
