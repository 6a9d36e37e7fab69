// RFC 9457 problem details: the error format of every /api/v1 route. Domain errors map to a status
// here, once; unexpected errors are logged and answered without their message.
import "server-only";
import { isDomainError, type DomainErrorCode } from "@/lib/errors";

const statusByCode: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  SEATS_EXHAUSTED: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
};

const titleByStatus: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problem(status: number, options: { code?: string; detail?: string } = {}): Response {
  const body = {
    type: "about:blank",
    title: titleByStatus[status] ?? "Error",
    status,
    ...(options.code ? { code: options.code } : {}),
    ...(options.detail ? { detail: options.detail } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

export function problemFromError(error: unknown): Response {
  if (isDomainError(error)) return problem(statusByCode[error.code], { code: error.code });
  console.error("Unexpected error in API route", error);
  return problem(500);
}
