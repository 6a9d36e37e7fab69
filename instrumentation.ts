// Next.js calls register() once per server process, before it handles requests: the client-address
// guard; the email delivery worker (R27) unless EMAIL_WORKER=off (then `npm run worker` runs it on
// its own); the lease sweeper.
// NEXT_RUNTIME and NEXT_PHASE are set by Next.js itself, not configuration: the edge bundle drops
// the worker's code, and `next build` (which may load this file while prerendering) starts none.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./lib/env");
  const config = env();
  // Before any request is handled, however the server was started: the client's address comes from
  // the socket, never from a header the client sent (lib/runtime/client-address-guard.ts).
  const { installClientAddressGuard } = await import("./lib/runtime/client-address-guard");
  installClientAddressGuard({ trustProxy: config.TRUST_PROXY });
  // Load shedding (docs/OPERATIONS.md): above the limits a request is answered 503 at once, before Next.js.
  const { installRequestAdmission } = await import("./lib/runtime/request-admission");
  installRequestAdmission({ apiMaxInFlight: config.API_MAX_IN_FLIGHT, pageMaxInFlight: config.PAGE_MAX_IN_FLIGHT });
  if (!config.DATABASE_URL) return;
  // Every instance tidies long-expired leases (lib/leases/sweep-expired-leases.ts); correctness
  // never depends on it, since a lease stops counting when it expires.
  const { startLeaseSweeper } = await import("./lib/leases/start-lease-sweeper");
  startLeaseSweeper();
  if (!config.EMAIL_WORKER) return;
  const { startEmailWorker } = await import("./lib/email/start-email-worker");
  // The worker lives as long as the server. When Next.js exits, a send in flight is cut off; its
  // claim expires and another round resends it with the same Message-ID (decision 005).
  startEmailWorker(config);
}
