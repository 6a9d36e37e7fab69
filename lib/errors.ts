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

export class DomainError extends Error {
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
  return error instanceof DomainError && (code === undefined || error.code === code);
}

/** A foreign id gets the same answer as a missing one (R28). */
export function notFound(what: string): DomainError {
  return new DomainError("NOT_FOUND", `${what} not found`);
}
