// Every page gets a Content-Security-Policy with a fresh nonce: Next.js reads the nonce from the
// request's CSP header and puts it on its own inline scripts, so no other inline script can run.
// API routes and static files are skipped here; next.config.ts gives them a strict policy.
import { NextResponse, type NextRequest } from "next/server";
import { apiMessage, negotiateApiLocale } from "@/lib/api/api-locale";
import { ApiProblem, problemResponse } from "@/lib/api/problem";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/assignments/change-set-limits";
import { env } from "@/lib/env";
import { hasPlainActionArguments } from "@/lib/http/server-action-reply";

/** A path whose %-escapes do not decode to UTF-8 ("%zz", "%C3"): Next.js's router would answer a plain-text 500. */
function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  // Such a path names nothing: 400 problem+json for the API, the not-found page
  // (404) for everything else.
  if (hasMalformedEncoding(request.nextUrl.pathname)) {
    if (request.nextUrl.pathname.startsWith("/api/")) {
      const locale = negotiateApiLocale(request.headers.get("accept-language"));
      const problem = new ApiProblem("INVALID_REQUEST", {
        errors: [{ field: "path", message: apiMessage(locale, "fields.malformedPath") }],
      });
      return problemResponse(problem, locale);
    }
    return NextResponse.rewrite(new URL("/_malformed-path", request.url), { status: 404 });
  }
  // A server action body over the limit would reach Next.js's own check, which answers 500 (issue
  // 13); the grid never sends one (it refuses first), so this is for requests made by hand.
  // Browsers always send an action body's length: one without it (chunked, by hand) is refused too.
  const length = request.headers.get("content-length");
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    (length === null || Number(length) > SERVER_ACTION_BODY_LIMIT_BYTES)
  ) {
    return new NextResponse("Request too large / Verzoek te groot", {
      status: 413,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // Arguments React's decoder would fail on (references to parts that never come, or no
  // JSON at all) are a bad request, not the 500 it would answer. The action sees the body intact.
  if (request.method === "POST" && request.headers.has("next-action") && !(await hasPlainActionArguments(request.clone()))) {
    return new NextResponse("Bad request / Ongeldig verzoek", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isProduction = env().isProduction;
  const policy = [
    "default-src 'self'",
    // React needs eval only for its development error overlay.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isProduction ? "" : " 'unsafe-eval'"}`,
    // Next.js and React set style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The page's own path, so a sign-in guard can send the visitor back to it. Always set
  // here, never taken from the client; the guard still checks it as a redirect target.
  requestHeaders.set("x-request-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set("Content-Security-Policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Every server action, prefetch headers or not, passes the body-size check above.
    { source: "/((?!api/|_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
    // API paths only when they hold a %-escape: the licensing calls' hot path stays outside.
    "/api/:path(.*%.*)",
  ],
};
