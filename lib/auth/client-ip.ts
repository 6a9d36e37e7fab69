// The client's IP address for rate limits and the audit trail. `npm start` runs Next.js with
// lib/runtime/forwarded-for-guard.mjs unless TRUST_PROXY is set: the guard drops any
// X-Forwarded-For a client sent, and Next.js then fills the header with the socket's address.
// With TRUST_PROXY the reverse proxy appends the address it saw, which is the last entry; the
// entries before it are whatever the client claimed and are ignored.
export function clientIpFromHeaders(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (!value) return null;
  const last = value.split(",").map((entry) => entry.trim()).filter(Boolean).at(-1);
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) and plain IPv4 are the same client.
  return last ? last.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64) : null;
}
