// RFC 9457 problem details of every /api/v1 route: domain errors map to a code here, once; unexpected errors
// are logged and answered INTERNAL without their message.
import "server-only";
import { apiMessage, type MessageValues } from "@/lib/api/api-locale";
import { DATABASE_RETRY_AFTER_SECONDS, databaseErrorLine, isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { isDomainError, type DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { problemStatus, type Problem, type ProblemCode } from "@/lib/licensing-api/contract";

export type FieldError = { field: string; message: string };
type ProblemExtensions = Partial<Pick<Problem, "errors" | "device" | "seats" | "nextExpiry" | "retryAfterSeconds">>;

/** Thrown inside a route to answer with a problem; carries what the detail message needs. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly extensions: ProblemExtensions = {},
    readonly detailValues: MessageValues = {},
  ) {
    super(code);
    this.name = "ApiProblem";
  }

  get status(): number {
    return problemStatus[this.code];
  }
}

const titleByStatus: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  410: "Gone",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function problemResponse(problem: ApiProblem, locale: Locale): Response {
  const status = problem.status;
  const body: Problem = {
    // The stable `code` identifies the problem; "about:blank" says the type adds nothing beyond the status.
    type: "about:blank",
    title: titleByStatus[status] ?? "Error",
    status,
    code: problem.code,
    detail: apiMessage(locale, `problems.${problem.code}`, problem.detailValues),
    ...problem.extensions,
  };
  const headers: Record<string, string> = { "Content-Type": "application/problem+json", "Content-Language": locale, ...NO_STORE };
  if (problem.extensions.retryAfterSeconds !== undefined) headers["Retry-After"] = String(problem.extensions.retryAfterSeconds);
  // RFC 6750 §3: a missing or bad bearer token says how to authenticate.
  if (problem.code === "UNAUTHENTICATED") headers["WWW-Authenticate"] = 'Bearer realm="license-portal-api", error="invalid_token"';
  return new Response(JSON.stringify(body), { status, headers });
}

/** The problem for anything a route threw: an ApiProblem as is, a DomainError by its code and reason. */
export function problemFromError(error: unknown, locale: Locale): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (isDomainError(error)) return problemFromDomainError(error, locale);
  // An outage is not a bug: the client is told to come back, and when.
  if (isDatabaseUnavailable(error)) {
    console.warn(`[api] database unavailable: ${databaseErrorLine(error)}`);
    return databaseUnavailableProblem();
  }
  console.error("Unexpected error in an API route", error);
  return new ApiProblem("INTERNAL");
}

/** 503 DATABASE_UNAVAILABLE with Retry-After. */
export function databaseUnavailableProblem(): ApiProblem {
  return new ApiProblem("DATABASE_UNAVAILABLE", { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS }, { seconds: DATABASE_RETRY_AFTER_SECONDS });
}

const forbiddenReasons = ["NOT_ASSIGNED", "NOT_ACTIVATED", "LICENSE_NOT_VALID", "EMAIL_NOT_VERIFIED"] as const satisfies ProblemCode[];
const unauthenticatedReasons = ["INVALID_CREDENTIALS", "INVALID_REFRESH_TOKEN"] as const satisfies ProblemCode[];
const invalidReasonFields: Record<string, { field: string; message: string }> = {
  NOT_FLOATING: { field: "licenseId", message: "fields.notFloating" },
  WRONG_HOLDER: { field: "licenseId", message: "fields.wrongHolder" },
};

function reasonOf(error: DomainError): string | undefined {
  return typeof error.details.reason === "string" ? error.details.reason : undefined;
}

function oneOf<T extends string>(value: string | undefined, options: readonly T[]): T | undefined {
  return options.find((option) => option === value);
}

function problemFromDomainError(error: DomainError, locale: Locale): ApiProblem {
  const reason = reasonOf(error);
  const details = error.details;
  switch (error.code) {
    case "NOT_FOUND":
      return new ApiProblem(reason === "INVALID_ACTIVATION_KEY" ? "INVALID_ACTIVATION_KEY" : "NOT_FOUND");
    case "FORBIDDEN":
      return new ApiProblem(oneOf(reason, forbiddenReasons) ?? "FORBIDDEN");
    case "UNAUTHENTICATED":
      return new ApiProblem(oneOf(reason, unauthenticatedReasons) ?? "UNAUTHENTICATED");
    case "CONFLICT": {
      if (reason === "LEASE_EXPIRED") return new ApiProblem("LEASE_EXPIRED");
      if (reason !== "ACTIVATION_LIMIT") return new ApiProblem("CONFLICT");
      const hostname = typeof details.hostname === "string" ? details.hostname : "?";
      const activatedAt = details.activatedAt instanceof Date ? details.activatedAt.toISOString() : String(details.activatedAt ?? "");
      return new ApiProblem("ACTIVATION_LIMIT", { device: { hostname, activatedAt } }, { hostname });
    }
    case "SEATS_EXHAUSTED": {
      const seats = Number(details.seats ?? 0);
      const nextExpiry = typeof details.nextExpiry === "string" ? details.nextExpiry : null;
      return new ApiProblem("NO_SEAT_AVAILABLE", { seats, nextExpiry }, { seats });
    }
    case "INVALID":
      return new ApiProblem("INVALID_REQUEST", { errors: invalidFieldErrors(error, locale) });
    case "RATE_LIMITED": {
      const retryAfterSeconds = Math.max(1, Math.ceil(Number(details.retryAfterSeconds ?? 60)));
      return new ApiProblem("RATE_LIMITED", { retryAfterSeconds }, { minutes: Math.ceil(retryAfterSeconds / 60) });
    }
  }
}

/** A domain INVALID names its fields in details.fields ({ field: problem }); the texts are ours, translated. */
function invalidFieldErrors(error: DomainError, locale: Locale): FieldError[] {
  const known = invalidReasonFields[reasonOf(error) ?? ""];
  if (known) return [{ field: known.field, message: apiMessage(locale, known.message) }];
  const fields = error.details.fields;
  const names = fields && typeof fields === "object" ? Object.keys(fields) : [];
  const invalid = apiMessage(locale, "fields.invalid");
  return names.length > 0 ? names.map((field) => ({ field, message: invalid })) : [{ field: "", message: invalid }];
}
