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

/** Field name → problem ("required", "invalid", "taken", …), as zod's field errors name them. */
export type FieldProblems = Record<string, string>;

/** A refusal that is audited names the license it was about. */
type Refused = { licenseId: string; companyId: string };

/**
 * What each code may carry: a `reason` names the case, and each reason has its own details. No
 * reason is the code's general case. The boundary switches over these exhaustively.
 */
export type DomainErrorDetails = {
  NOT_FOUND: { reason?: undefined } | { reason: "INVALID_ACTIVATION_KEY" };
  FORBIDDEN:
    | { reason?: undefined }
    | { reason: "NOT_ASSIGNED" | "LICENSE_NOT_VALID"; licenseId?: string; companyId?: string }
    | {
        reason:
          | "NOT_ACTIVATED"
          | "MEMBERSHIP_ENDED"
          | "EMAIL_NOT_VERIFIED"
          | "COMPANY_NOT_VERIFIED"
          | "ADMIN_REQUIRED"
          | "ENTERPRISE_NOT_SOLD_ONLINE";
      };
  UNAUTHENTICATED:
    | { reason?: undefined }
    | { reason: "INVALID_CREDENTIALS" | "INVALID_REFRESH_TOKEN" | "SESSION_ENDED" }
    /** A signed token that did not verify; `tokenError` is jose's code (e.g. ERR_JWT_EXPIRED). */
    | { reason: "TOKEN_REJECTED"; tokenError: string };
  CONFLICT:
    | { reason?: undefined; fields?: FieldProblems }
    | ({ reason: "ACTIVATION_LIMIT"; hostname: string | null; activatedAt: Date | null } & Refused)
    | { reason: "ALREADY_MEMBER"; userId?: string }
    | { reason: "ALREADY_ADMIN"; fields: FieldProblems }
    | { reason: "STALE_VERSION"; currentVersion: number }
    | {
        reason:
          | "LEASE_EXPIRED"
          | "LAUNCH_TOKEN_USED"
          | "LAST_ADMIN"
          | "CONCURRENT_ADD"
          | "IDEMPOTENCY_KEY_REUSED"
          | "ALREADY_PAID"
          | "ALREADY_HANDLED";
      };
  SEATS_EXHAUSTED:
    /** A floating license's seats are all leased; `nextExpiry` (ISO) is when the first frees up. */
    | ({ reason: "NO_SEAT_AVAILABLE"; seats: number; live: number; nextExpiry: string | null } & Refused)
    /** A save assigns more seats than a grid column (one product and type) has. */
    | { reason: "NOT_ENOUGH_SEATS"; licenseId: string; productName: string; seats: number; assigned: number; requested: number }
    /** The back office lowers seats below what is in use. */
    | { reason: "SEATS_IN_USE"; licenseId: string; seats: number; inUse: number; inUseAfter: number; toUnassign: number };
  INVALID: {
    reason?:
      | "CONTACT_DETAILS_REQUIRED"
      | "NOT_FLOATING"
      | "WRONG_HOLDER"
      | "NOT_SOLD_ONLINE"
      | "NODE_LOCKED_SINGLE_SEAT"
      | "LICENSE_EXPIRED"
      | "NO_CHANGE"
      | "NOT_ASSIGNED"
      | "UNKNOWN_PERSON"
      | "END_IN_PAST"
      | "ALREADY_ENDED"
      | "ALREADY_REGISTERED"
      | "NOTHING_ASSIGNED";
    fields?: FieldProblems;
  };
  RATE_LIMITED: { reason?: undefined; retryAfterSeconds: number };
};

/** The reasons a code may carry (its general case, no reason, aside). */
export type ReasonOf<Code extends DomainErrorCode> = NonNullable<DomainErrorDetails[Code]["reason"]>;

/** A code with its details, as one value: `switch (failure.code)` narrows the details. */
export type DomainFailure = { [Code in DomainErrorCode]: { code: Code; details: DomainErrorDetails[Code] } }[DomainErrorCode];

// Next.js may bundle this module twice (action and route layers), where instanceof fails: a global symbol brands it.
const DOMAIN_ERROR_BRAND = Symbol.for("license-portal/domain-error");

/** Details may be left out where the code's general case has nothing to say. */
type DetailsArgument<Code extends DomainErrorCode> = object extends DomainErrorDetails[Code]
  ? [details?: DomainErrorDetails[Code]]
  : [details: DomainErrorDetails[Code]];

export class DomainError<Code extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly [DOMAIN_ERROR_BRAND] = true;
  readonly code: Code;
  readonly details: DomainErrorDetails[Code];

  constructor(code: Code, message: string, ...[details]: DetailsArgument<Code>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details ?? ({} as DomainErrorDetails[Code]);
  }

  /** The code and details as one discriminated value. */
  get failure(): DomainFailure {
    return { code: this.code, details: this.details } as DomainFailure;
  }
}

export function isDomainError<Code extends DomainErrorCode = DomainErrorCode>(error: unknown, code?: Code): error is DomainError<Code> {
  const isBranded =
    typeof error === "object" && error !== null && (error as { [DOMAIN_ERROR_BRAND]?: unknown })[DOMAIN_ERROR_BRAND] === true;
  return isBranded && (code === undefined || (error as DomainError).code === code);
}

/** A foreign id gets the same answer as a missing one (R28). */
export function notFound(what: string): DomainError<"NOT_FOUND"> {
  return new DomainError("NOT_FOUND", `${what} not found`);
}
