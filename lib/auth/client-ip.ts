// The client's IP for rate limits and the audit trail, never one a client can set (decision 015): the
// socket's, or with TRUST_PROXY the last X-Forwarded-For entry. A request the guard did not see has none.
import { verifiedPeer } from "@/lib/runtime/client-address-guard";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export type RequestOrigin = { ipAddress: string | null; socketAddress: string | null; isRelayed: boolean };

export function requestOrigin(headers: HeaderSource): RequestOrigin {
  const read = (name: string) => {
    const raw = headers instanceof Headers ? headers.get(name) : headers[name];
    return (Array.isArray(raw) ? raw.join(",") : raw) ?? null;
  };
  const peer = verifiedPeer(read);
  if (!peer) return { ipAddress: null, socketAddress: null, isRelayed: false };
  const socketAddress = normalizeAddress(peer.socketAddress);
  const proxied = peer.trustProxy ? lastForwardedFor(read("x-forwarded-for")) : null;
  return { ipAddress: proxied ?? socketAddress, socketAddress, isRelayed: peer.isRelayed };
}

export function clientIpFromHeaders(headers: HeaderSource): string | null {
  return requestOrigin(headers).ipAddress;
}

function lastForwardedFor(value: string | null): string | null {
  const last = value
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .at(-1);
  return last ? normalizeAddress(last) : null;
}

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) and plain IPv4 are the same client. */
function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}
