/**
 * The signed-in person on whose behalf a use case runs. Only the id is trusted: roles and flags
 * are read from the database inside the use case's transaction, so a stale session cannot keep
 * a revoked right.
 */
export type Actor = { id: string };
