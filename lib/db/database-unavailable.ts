// Is this error the database being away (down, frozen, overloaded) rather than a bug? Then routes answer 503
// and actions "try again". Shapes of node's socket, pg and Prisma's adapter. No server-only: the proxy uses it.

/** Retry-After, seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ECONNABORTED",
]);
// Prisma: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017), no connection
// from the pool in time (P2024), a transaction that could not start or ended by its timeout (P2028).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
// PostgreSQL: connection exceptions (class 08), shutting down or starting (57P01–57P03), too many
// connections (53300), out of resources (53000, 53100, 53200), the statement or lock timeout (57014, 55P03).
const SQLSTATE_PREFIXES = ["08"];
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53000", "53100", "53200", "53300", "57014", "55P03"]);
// pg and pg-pool say these in words only.
const DRIVER_MESSAGES =
  /Query read timeout|Connection terminated|timeout exceeded when trying to connect|Connection ended unexpectedly|Client has encountered a connection error|Client was closed and is not queryable/;

/** One line for the log: Prisma's messages end with the driver's words after a code frame. */
export function databaseErrorLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.split("\n").filter(Boolean).at(-1) ?? error.name;
}

type ErrorLike = {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  const queue: unknown[] = [current];
  while (queue.length > 0) {
    current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as ErrorLike;
    const code = typeof candidate.code === "string" ? candidate.code : undefined;
    if (
      code &&
      (SOCKET_CODES.has(code) ||
        PRISMA_CODES.has(code) ||
        SQLSTATES.has(code) ||
        SQLSTATE_PREFIXES.some((prefix) => code.length === 5 && code.startsWith(prefix)))
    )
      return true;
    if (typeof candidate.kind === "string" && ADAPTER_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && DRIVER_MESSAGES.test(candidate.message)) return true;
    queue.push(candidate.cause, candidate.meta?.driverAdapterError?.cause, candidate.meta?.driverAdapterError);
    if (candidate instanceof AggregateError) queue.push(...candidate.errors);
  }
  return false;
}
