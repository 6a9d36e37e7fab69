// A count of the requests a process works on, with a bound (issue 15 item 4): the licensing API's
// and the pages' gates of lib/runtime/request-admission.ts.

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

