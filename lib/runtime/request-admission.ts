// Load shedding: over API_MAX_IN_FLIGHT API or PAGE_MAX_IN_FLIGHT other requests, one more is answered 503 before
// Next.js does any work for it, so what is admitted keeps its pace (docs/ARCHITECTURE.md, "Request flow").
import http from "node:http";
import https from "node:https";
import { negotiateApiLocale } from "@/lib/api/api-locale";
import { ApiProblem, problemResponse } from "@/lib/api/problem";
import { createAdmissionGate, type AdmissionGate } from "@/lib/runtime/admission-gate";

/** How long a shed API client should wait: about one lease round trip under load. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 1;
/** Seconds a shed browser waits before it asks again (the page refreshes itself after as long). */
export const PAGE_RETRY_AFTER_SECONDS = 2;

export type RequestAdmission = { api: AdmissionGate; pages: AdmissionGate };
const INSTALLED = Symbol.for("license-portal.request-admission");
const globalWithAdmission = globalThis as unknown as { [INSTALLED]?: RequestAdmission };

/** Static files and the health check are never shed. */
export function gateOf(url: string | undefined): keyof RequestAdmission | null {
  const path = url ?? "/";
  if (path.startsWith("/api/v1/")) return path === "/api/v1/health" || path.startsWith("/api/v1/health?") ? null : "api";
  if (path.startsWith("/_next/static/") || path.startsWith("/_next/image") || path === "/favicon.ico") return null;
  return "pages";
}

const BUSY_PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${PAGE_RETRY_AFTER_SECONDS}"><title>Even geduld · One moment</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #0f172a">
<h1 style="font-size: 1.5rem">Het is nu erg druk</h1>
<p>De portal probeert het over een paar seconden vanzelf opnieuw.</p>
<h2 style="font-size: 1.25rem" lang="en">The portal is very busy right now</h2>
<p lang="en">It will try again by itself in a few seconds.</p>
</body></html>`;

function shedPage(response: http.ServerResponse): void {
  response.writeHead(503, {
    "Content-Type": "text/html; charset=utf-8",
    "Retry-After": String(PAGE_RETRY_AFTER_SECONDS),
    "Cache-Control": "no-store",
  });
  response.end(BUSY_PAGE);
}

async function shedApi(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const header = request.headers["accept-language"];
  const locale = negotiateApiLocale(Array.isArray(header) ? header.join(",") : (header ?? null));
  const problem = new ApiProblem(
    "OVERLOADED",
    { retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS },
    { seconds: OVERLOADED_RETRY_AFTER_SECONDS },
  );
  const answer = problemResponse(problem, locale);
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(await answer.text());
}

/** Gates the process's HTTP servers (once per process: later calls return the first gates). */
export function installRequestAdmission(options: { apiMaxInFlight: number; pageMaxInFlight: number }): RequestAdmission {
  const existing = globalWithAdmission[INSTALLED];
  if (existing) return existing;
  const admission: RequestAdmission = {
    api: createAdmissionGate(options.apiMaxInFlight),
    pages: createAdmissionGate(options.pageMaxInFlight),
  };
  globalWithAdmission[INSTALLED] = admission;
  for (const Server of [http.Server, https.Server]) {
    const originalEmit = Server.prototype.emit;
    Server.prototype.emit = function emitAdmitted(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
        const gate = gateOf(request.url);
        if (gate) {
          const release = admission[gate].tryEnter();
          if (!release) {
            if (gate === "api") void shedApi(request, response);
            else shedPage(response);
            return true;
          }
          // 'close' comes once the answer is sent or the client went away, whichever is first.
          response.once("close", release);
        }
      }
      return originalEmit.apply(this, [event, ...args] as Parameters<typeof originalEmit>);
    } as typeof originalEmit;
  }
  return admission;
}
