// Who may open the in-app mailbox, which holds every company's one-time links (decision 015): enabled, and
// a request from a loopback socket, not relayed for someone else, to a loopback Host (no DNS rebinding).
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

function isLoopbackName(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/:\d+$/, "");
  return name === "localhost" || name === "[::1]" || isLoopbackAddress(name);
}
