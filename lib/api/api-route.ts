// The one way to write an /api/v1 route handler, so none skips the problem format or the bearer-token check.
// With `sessionCheck: "in-statement"` the handler must pass `principal` as its domain call's `session` (decision 013).
import "server-only";
import { apiClock } from "@/lib/api/api-clock";
import { negotiateApiLocale } from "@/lib/api/api-locale";
import { problemFromError, problemResponse } from "@/lib/api/problem";
import { authenticateAccessToken, verifyAccessToken, type ApiPrincipal } from "@/lib/api-sessions/access-tokens";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import type { Clock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";

export type ApiRequest<Params> = { request: Request; params: Params; locale: Locale; clock: Clock; ipAddress: string | null };
export type AuthenticatedApiRequest<Params> = ApiRequest<Params> & { principal: ApiPrincipal };

export type RouteContext<Params> = { params: Promise<Params> };
export type RouteHandler<Params> = (request: Request, context: RouteContext<Params>) => Promise<Response>;

type NoParams = Record<string, never>;

export function apiRoute<Params = NoParams>(handle: (context: ApiRequest<Params>) => Promise<Response>): RouteHandler<Params> {
  return async (request, context) => {
    const locale = negotiateApiLocale(request.headers.get("accept-language"));
    // Over the instance's limit a request never gets here (lib/runtime/request-admission.ts).
    try {
      return await handle({
        request,
        params: await context.params,
        locale,
        clock: apiClock(),
        ipAddress: clientIpFromHeaders(request.headers),
      });
    } catch (error) {
      return problemResponse(problemFromError(error, locale), locale);
    }
  };
}

export function authenticatedApiRoute<Params = NoParams>(
  handle: (context: AuthenticatedApiRequest<Params>) => Promise<Response>,
  options: { sessionCheck?: "in-statement" } = {},
): RouteHandler<Params> {
  const authenticate = options.sessionCheck === "in-statement" ? verifyAccessToken : authenticateAccessToken;
  return apiRoute<Params>(async (context) => {
    const token = bearerToken(context.request.headers.get("authorization"));
    if (!token) throw new DomainError("UNAUTHENTICATED", "No bearer token");
    const principal = await authenticate({ token, clock: context.clock });
    return handle({ ...context, principal });
  });
}

/** RFC 6750 §2.1: `Authorization: Bearer <token>`. */
function bearerToken(header: string | null): string | null {
  const match = header ? /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header) : null;
  return match?.[1] ?? null;
}
