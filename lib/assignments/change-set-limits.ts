// How big one grid save may be (R16), shared by the grid, the save action's schema, saveAssignments
// and next.config.ts (decision 022). No imports: next.config.ts loads this file.

/** One save carries at most this many ticks (saveAssignments refuses more; the grid says so before sending). */
export const MAX_CHANGES_PER_SAVE = 10_000;

/** The field problem saveAssignments names for a larger save. */
export const TOO_MANY_CHANGES = "too many changes";

/** Most bytes of one change in the action's JSON body: `{"licenseId":"<36>","userId":"<36>","assigned":false},`. */
export const MAX_BYTES_PER_CHANGE = 118;

/** groupId, expectedVersion and the JSON around the changes: a few hundred bytes; counted generously. */
export const SAVE_ENVELOPE_BYTES = 1_024;

const MIB = 1024 * 1024;

/** next.config.ts `serverActions.bodySizeLimit` (every action): the largest save (≈ 1.13 MiB) × 1.5, in whole MiB. */
export const SERVER_ACTION_BODY_LIMIT_BYTES =
  Math.ceil((1.5 * (MAX_CHANGES_PER_SAVE * MAX_BYTES_PER_CHANGE + SAVE_ENVELOPE_BYTES)) / MIB) * MIB;
