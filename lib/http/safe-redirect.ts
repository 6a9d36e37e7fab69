// Issue 13: every redirect target that comes from a request (a callbackUrl, a continue or return
// address) is parsed as a URL against the portal's own origin, the way a browser will read it, and
// kept only when it stays there; anything else falls back to the start page. The result is a path
// serialised by the URL parser: no control characters (a Location header with a newline is a 500),
// no tab or backslash tricks (`/\t/evil` and `/\evil` are `//evil` to a browser).
const FALLBACK = "/";
const MAX_LENGTH = 2048;

/** A same-origin path ("/…", never "//…") for `target`, or `fallback`. */
export function safeRedirectPath(target: unknown, appBaseUrl: string, fallback = FALLBACK): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_LENGTH) return fallback;
  const base = new URL(appBaseUrl);
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== base.origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" normalises to "//evil", which a browser reads as another host.
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}

/** The same check, as an absolute URL on the portal's origin (next-auth's redirect callback wants one). */
export function safeRedirectUrl(target: unknown, appBaseUrl: string): string {
  return new URL(safeRedirectPath(target, appBaseUrl), appBaseUrl).href;
}
