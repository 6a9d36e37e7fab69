// Records each request's socket address in a header with a proof of this process, which a client cannot forge
// (decision 015); installed by instrumentation.ts in every process that serves the app.
import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";

const PEER_HEADER = "x-license-portal-peer";
/** Headers a reverse proxy adds: a request carrying one was relayed for someone else. */
const RELAY_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip", "via"];

type GuardState = { proof: string; trustProxy: boolean };
const GUARD = Symbol.for("license-portal.client-address-guard");
const globalWithGuard = globalThis as unknown as { [GUARD]?: GuardState };

export type VerifiedPeer = { socketAddress: string; isRelayed: boolean; trustProxy: boolean };

export function installClientAddressGuard(options: { trustProxy: boolean }): void {
  if (globalWithGuard[GUARD]) return;
  const state: GuardState = { proof: randomBytes(24).toString("base64url"), trustProxy: options.trustProxy };
  globalWithGuard[GUARD] = state;
  for (const Server of [http.Server, https.Server]) {
    const originalEmit = Server.prototype.emit;
    Server.prototype.emit = function emitWithPeer(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampPeer(args[0] as http.IncomingMessage, state);
      return originalEmit.apply(this, [event, ...args] as Parameters<typeof originalEmit>);
    } as typeof originalEmit;
  }
}

function stampPeer(request: http.IncomingMessage, state: GuardState): void {
  const headers = request.headers;
  const isRelayed = RELAY_HEADERS.some((name) => headers[name] !== undefined);
  headers[PEER_HEADER] = `${state.proof} ${isRelayed ? "relayed" : "direct"} ${request.socket?.remoteAddress ?? "unknown"}`;
  // Next.js then fills X-Forwarded-For with the socket's address itself (base-server).
  if (!state.trustProxy) delete headers["x-forwarded-for"];
}

/** Null when this process has no guard or it did not see the request. */
export function verifiedPeer(read: (name: string) => string | null): VerifiedPeer | null {
  const state = globalWithGuard[GUARD];
  const value = state ? read(PEER_HEADER) : null;
  if (!state || !value) return null;
  const [proof, relayed, socketAddress] = value.split(" ");
  if (proof !== state.proof || !socketAddress || socketAddress === "unknown") return null;
  return { socketAddress, isRelayed: relayed === "relayed", trustProxy: state.trustProxy };
}
