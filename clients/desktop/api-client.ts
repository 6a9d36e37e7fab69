// A typed client of the licensing API (/api/v1, R30), built on the shared contract: requests
// are typed by the contract's request schemas and every answer is parsed by its response schema,
// so a server that drifts from the contract fails loudly here instead of half-working. Errors come
// back as RFC 9457 problems with a stable `code` (ApiProblemError). No tokens are kept here:
// session.ts decides which access token to send.
import { z } from "zod";
import {
  ActivationResponse,
  EntitlementsResponse,
  HeartbeatResponse,
  JwksResponse,
  LeaseResponse,
  Problem,
  SessionResponse,
  type ActivationRequest,
  type LeaseRequest,
  type SignInRequest,
} from "@/lib/licensing-api/contract";
import { withoutTrailingSlash } from "@/clients/desktop/verify";

const CLIENT_USER_AGENT = "license-portal-reference-client/1.0";
const REQUEST_TIMEOUT_MS = 30_000;
/**
 * A 503 (the database is away, or the instance sheds load) says when to come back
 * (Retry-After). Requests that mean the same when sent twice — reads, releases, deactivations,
 * heartbeats and lease takes (the same user and machine get their one lease) — are sent again up
 * to this many times, waiting as told (at most MAX_RETRY_WAIT_SECONDS each); so a seat released
 * during an outage is released once the server is back, not lost to the client.
 */
const MAX_RETRIES = 3;
const MAX_RETRY_WAIT_SECONDS = 30;

export type ApiAnswer<T> = { status: number; body: T };

/** A problem document; `code` is one of the contract's, or what a server outside the contract sent. */
const ApiProblemSchema = Problem.extend({ code: z.string() });
export type ApiProblem = z.infer<typeof ApiProblemSchema>;

export type SessionAnswer = z.infer<typeof SessionResponse>;
export type ActivationAnswer = z.infer<typeof ActivationResponse>;
export type LeaseAnswer = z.infer<typeof LeaseResponse>;
export type EntitlementsAnswer = z.infer<typeof EntitlementsResponse>;
export type PublishedKeySet = z.infer<typeof JwksResponse>;

/** An error answer of the API: its problem document, with the stable `code`. */
export class ApiProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblem,
    /** Retry-After in seconds, when the server said it. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail ?? problem.title);
    this.name = "ApiProblemError";
  }
}

/** The server answered, but not as the contract says. */
export class ApiContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApiContractError";
  }
}

export class LicensingApiClient {
  readonly server: string;

  constructor(
    server: string,
    private readonly fetchFunction: typeof fetch = fetch,
    /** How to wait before a retry (tests do not wait). */
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.server = withoutTrailingSlash(server);
  }

  signIn(body: z.input<typeof SignInRequest>): Promise<ApiAnswer<SessionAnswer>> {
    return this.call({ method: "POST", path: "/api/v1/sessions", body, schema: SessionResponse });
  }

  refresh(refreshToken: string): Promise<ApiAnswer<SessionAnswer>> {
    return this.call({ method: "POST", path: "/api/v1/sessions/refresh", body: { refreshToken }, schema: SessionResponse });
  }

  signOut(accessToken: string): Promise<ApiAnswer<null>> {
    return this.call({ method: "DELETE", path: "/api/v1/sessions/current", accessToken, schema: null });
  }

  activate(accessToken: string, body: z.input<typeof ActivationRequest>): Promise<ApiAnswer<ActivationAnswer>> {
    return this.call({ method: "POST", path: "/api/v1/activations", accessToken, body, schema: ActivationResponse });
  }

  deactivate(accessToken: string, activationId: string): Promise<ApiAnswer<null>> {
    return this.call({ method: "DELETE", path: `/api/v1/activations/${encodeURIComponent(activationId)}`, accessToken, schema: null });
  }

  takeLease(accessToken: string, body: z.input<typeof LeaseRequest>): Promise<ApiAnswer<LeaseAnswer>> {
    return this.call({ method: "POST", path: "/api/v1/leases", accessToken, body, schema: LeaseResponse, isRepeatable: true });
  }

  heartbeat(accessToken: string, leaseId: string): Promise<ApiAnswer<LeaseAnswer>> {
    return this.call({
      method: "POST",
      path: `/api/v1/leases/${encodeURIComponent(leaseId)}/heartbeat`,
      accessToken,
      schema: HeartbeatResponse,
      isRepeatable: true,
    });
  }

  releaseLease(accessToken: string, leaseId: string): Promise<ApiAnswer<null>> {
    return this.call({ method: "DELETE", path: `/api/v1/leases/${encodeURIComponent(leaseId)}`, accessToken, schema: null });
  }

  entitlements(accessToken: string): Promise<ApiAnswer<EntitlementsAnswer>> {
    return this.call({ method: "GET", path: "/api/v1/entitlements", accessToken, schema: EntitlementsResponse });
  }

  signingKeys(): Promise<ApiAnswer<PublishedKeySet>> {
    return this.call({ method: "GET", path: "/api/v1/signing-keys", schema: JwksResponse });
  }

  private async call<T>(request: CallRequest<T>): Promise<ApiAnswer<T>> {
    const isRepeatable = request.isRepeatable ?? request.method !== "POST";
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.callOnce(request);
      } catch (error) {
        const wait = error instanceof ApiProblemError && error.status === 503 ? error.retryAfterSeconds : null;
        if (!isRepeatable || wait === null || attempt >= MAX_RETRIES) throw error;
        await this.sleep(Math.min(wait, MAX_RETRY_WAIT_SECONDS) * 1000);
      }
    }
  }

  private async callOnce<T>(request: CallRequest<T>): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { Accept: "application/json, application/problem+json", "User-Agent": CLIENT_USER_AGENT };
    if (request.accessToken) headers.Authorization = `Bearer ${request.accessToken}`;
    if (request.body !== undefined) headers["Content-Type"] = "application/json";
    const url = `${this.server}${request.path}`;
    let response: Response;
    try {
      response = await this.fetchFunction(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        redirect: "error",
      });
    } catch (error) {
      const cause =
        error instanceof Error && error.cause instanceof Error
          ? `: ${error.cause.message}`
          : error instanceof Error
            ? `: ${error.message}`
            : "";
      throw new Error(`Cannot reach ${this.server} (${request.method} ${request.path})${cause}`);
    }
    const text = await response.text();
    if (!response.ok)
      throw new ApiProblemError(response.status, parseProblem(response.status, text), retryAfter(response.headers.get("retry-after")));
    if (request.schema === null) return { status: response.status, body: null as T };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiContractError(`${request.method} ${request.path} answered ${response.status} without JSON`);
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(body)").join(", ");
      throw new ApiContractError(
        `${request.method} ${request.path} answered ${response.status} with a body outside the contract (${fields})`,
      );
    }
    return { status: response.status, body: parsed.data };
  }
}

type CallRequest<T> = {
  method: "GET" | "POST" | "DELETE";
  path: string;
  accessToken?: string;
  body?: unknown;
  /** null: the answer has no body (204). */
  schema: z.ZodType<T> | null;
  /** Means the same when sent twice (default: every GET and DELETE). */
  isRepeatable?: boolean;
};

/** Retry-After as seconds (RFC 9110: delay-seconds; an HTTP date is read as the wait until it). */
function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const LooseProblem = z.looseObject({ title: z.string().optional(), code: z.string().optional(), detail: z.string().optional() });

function parseProblem(status: number, text: string): ApiProblem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = ApiProblemSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  // Outside the contract (a proxy's error page, an older server): keep what can be read.
  const loose = LooseProblem.safeParse(json);
  const fallbackCode = status >= 500 ? "INTERNAL" : status === 404 ? "NOT_FOUND" : status === 401 ? "UNAUTHENTICATED" : `HTTP_${status}`;
  return {
    type: "about:blank",
    title: (loose.success && loose.data.title) || `HTTP ${status}`,
    status,
    code: (loose.success && loose.data.code) || fallbackCode,
    detail: loose.success ? loose.data.detail : undefined,
  };
}
