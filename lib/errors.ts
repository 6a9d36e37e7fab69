// The closed set of domain errors; the boundary (server actions, API routes) maps each code once.
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

// Next.js may bundle this module twice (action and route layers), where instanceof fails: a global symbol brands it.
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
