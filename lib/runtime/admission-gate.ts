// A bounded count of the requests a process works on (request-admission.ts).

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
