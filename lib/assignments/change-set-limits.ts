// How big one grid save may be (R16), shared by the grid (client), the save action's schema,
// saveAssignments and next.config.ts, so the server's body limit always fits the largest save the
// schema accepts (issue 13: a save of ~9,500 changes reached the 1 MB default first and got a 500).
// No imports: next.config.ts loads this file.

/** One save carries at most this many ticks (saveAssignments refuses more; the grid says so before sending). */
export const MAX_CHANGES_PER_SAVE = 10_000;

/** The field problem saveAssignments names for a larger save. */
export const TOO_MANY_CHANGES = "too many changes";

/**
 * The most bytes one change takes in the server action's request body (React encodes the
 * arguments as JSON): `{"licenseId":"<36>","userId":"<36>","assigned":false},` = 118.
 */
export const MAX_BYTES_PER_CHANGE = 118;

/** groupId, expectedVersion and the JSON around the changes: a few hundred bytes; counted generously. */
export const SAVE_ENVELOPE_BYTES = 1_024;

const MIB = 1024 * 1024;

/**
 * next.config.ts `serverActions.bodySizeLimit`: the largest save (10,000 × 118 B + the envelope ≈
 * 1.13 MiB) with a margin of 1.5×, in whole MiB (2 MiB). Applies to every server action; the
 * others carry a few kilobytes at most.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = Math.ceil((1.5 * (MAX_CHANGES_PER_SAVE * MAX_BYTES_PER_CHANGE + SAVE_ENVELOPE_BYTES)) / MIB) * MIB;
