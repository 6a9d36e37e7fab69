// Time rules read the time from a Clock passed in options, so tests move time instead of waiting.
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests and the seed. */
export function fixedClock(start: Date | string = new Date()): Clock & { advance: (ms: number) => void; set: (at: Date) => void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
    set: (at) => {
      current = new Date(at);
    },
  };
}
