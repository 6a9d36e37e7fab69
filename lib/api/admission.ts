// Issue 15 item 4: load shedding. Each instance admits at most API_MAX_IN_FLIGHT licensing API
// requests at a time; one more is answered 503 OVERLOADED with Retry-After at once, instead of
// queueing behind the others (at 1,000 connections every lease waited 13–19 s and memory tripled).
// The excess is refused instead of waiting for the database pool with everything else. The count is per process (globalThis: Next.js may load this module in several bundles).
import "server-only";
import { env } from "@/lib/env";

export type AdmissionGate = {
  /** A release function when admitted (call it once, when the answer is made), else null. */
  tryEnter: () => (() => void) | null;
  inFlight: () => number;
};

export function createAdmissionGate(limit: number): AdmissionGate {
  let inFlight = 0;
  return {
    tryEnter: () => {
      if (inFlight >= limit) return null;
      inFlight++;
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        inFlight--;
      };
    },
    inFlight: () => inFlight,
  };
}

const globalForGate = globalThis as unknown as { apiAdmissionGate?: AdmissionGate };

/** The process's gate for /api/v1 (tests replace it with useApiAdmissionGate). */
export function apiAdmissionGate(): AdmissionGate {
  globalForGate.apiAdmissionGate ??= createAdmissionGate(env().API_MAX_IN_FLIGHT);
  return globalForGate.apiAdmissionGate;
}

export function useApiAdmissionGate(gate: AdmissionGate | null): void {
  globalForGate.apiAdmissionGate = gate ?? undefined;
}

/** How long a shed client should wait: about one lease round trip under load. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 1;
