// A typed client of the licensing API (/api/v1, issue 6), built on the shared contract: requests
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
import { withoutTrailingSlash } from "@/lib/reference-client/verify";

const CLIENT_USER_AGENT = "license-portal-reference-client/1.0";
const REQUEST_TIMEOUT_MS = 30_000;

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
    return this.call({ method: "POST", path: "/api/v1/leases", accessToken, body, schema: LeaseResponse });
  }

  heartbeat(accessToken: string, leaseId: string): Promise<ApiAnswer<LeaseAnswer>> {
    return this.call({ method: "POST", path: `/api/v1/leases/${encodeURIComponent(leaseId)}/heartbeat`, accessToken, schema: HeartbeatResponse });
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

  private async call<T>(request: {
    method: "GET" | "POST" | "DELETE";
    path: string;
    accessToken?: string;
    body?: unknown;
    /** null: the answer has no body (204). */
    schema: z.ZodType<T> | null;
  }): Promise<ApiAnswer<T>> {
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
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : error instanceof Error ? `: ${error.message}` : "";
      throw new Error(`Cannot reach ${this.server} (${request.method} ${request.path})${cause}`);
    }
    const text = await response.text();
    if (!response.ok) throw new ApiProblemError(response.status, parseProblem(response.status, text));
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
      throw new ApiContractError(`${request.method} ${request.path} answered ${response.status} with a body outside the contract (${fields})`);
    }
    return { status: response.status, body: parsed.data };
  }
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
