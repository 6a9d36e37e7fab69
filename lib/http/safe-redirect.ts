// A redirect target from a request is parsed against the portal's origin as a browser reads it and kept only
// when it stays there; the result is the URL parser's path (no newline, tab or backslash tricks).
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
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== base.origin || url.username || url.password)
    return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" normalises to "//evil", which a browser reads as another host.
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}

/** As an absolute URL (next-auth's redirect callback wants one). */
export function safeRedirectUrl(target: unknown, appBaseUrl: string): string {
  return new URL(safeRedirectPath(target, appBaseUrl), appBaseUrl).href;
}
