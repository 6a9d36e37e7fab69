/** The signed-in person a use case acts for. Only the id is trusted: rights are read in the use case's transaction. */
export type Actor = { id: string };
