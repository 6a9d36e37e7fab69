// The closed set of domain errors (STYLE.md §6). Domain code throws these; the boundary (server
// action helper, API route helper) maps each code once to a translated message or an HTTP status.
export const domainErrorCodes = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "SEATS_EXHAUSTED",
  "INVALID",
  "RATE_LIMITED",
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

// Next.js may bundle this module more than once (a server action's layer and the route's), so a
// DomainError thrown by one copy is not an instanceof the other's class: the brand is a global symbol.
const DOMAIN_ERROR_BRAND = Symbol.for("license-portal/domain-error");

export class DomainError extends Error {
  readonly [DOMAIN_ERROR_BRAND] = true;
  readonly code: DomainErrorCode;
  /** Machine-readable details for the boundary (e.g. field errors, the license that is full). */
  readonly details: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  const isBranded = typeof error === "object" && error !== null && (error as { [DOMAIN_ERROR_BRAND]?: unknown })[DOMAIN_ERROR_BRAND] === true;
  return isBranded && (code === undefined || (error as DomainError).code === code);
}

/** A foreign id gets the same answer as a missing one (R28). */
export function notFound(what: string): DomainError {
  return new DomainError("NOT_FOUND", `${what} not found`);
}
