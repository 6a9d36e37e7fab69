// Who may open the in-app mailbox (app/mailbox). It holds every delivered message of every
// company, one-time links included, so it is a development aid (decision 015, superseding the
// access rule of 005):
//   enabled — mailbox transport and MAILBOX on (by default everywhere but production on a server
//             database: the demo and development);
//   local   — and the request came from this machine: the socket's loopback address as the
//             client-address guard recorded it (never a header), not relayed by a proxy for someone
//             else (with TRUST_PROXY, the client the proxy names must be local too), and addressed
//             to a loopback name, so a page of another site whose name resolves to 127.0.0.1 (DNS
//             rebinding) is not let in either.
import "server-only";
import type { RequestOrigin } from "@/lib/auth/client-ip";
import type { Env } from "@/lib/env";

export function isMailboxEnabled(config: Pick<Env, "EMAIL_TRANSPORT" | "MAILBOX">): boolean {
  return config.EMAIL_TRANSPORT === "mailbox" && config.MAILBOX;
}

export function isLocalRequest(origin: RequestOrigin, host: string | null, config: Pick<Env, "TRUST_PROXY">): boolean {
  if (!origin.socketAddress || !isLoopbackAddress(origin.socketAddress)) return false;
  if (origin.isRelayed && !(config.TRUST_PROXY && origin.ipAddress && isLoopbackAddress(origin.ipAddress))) return false;
  return host !== null && isLoopbackName(host);
}

function isLoopbackAddress(address: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(address) || address === "::1";
}

/** The Host header's name (without its port) is this machine's loopback. */
function isLoopbackName(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/:\d+$/, "");
  return name === "localhost" || name === "[::1]" || isLoopbackAddress(name);
}
