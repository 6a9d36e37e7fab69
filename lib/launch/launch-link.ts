// Who may make a signed-in browser open web software (issue 13): opening takes a seat, may start the
// one-time trial and is audited, so another site must not do it with a plain link or an image.
// Straight in: a navigation from the portal itself (My software, "Try again"), one the user typed
// or bookmarked, and the "Let's get started" link of a license mail (R21, R23), which names its
// recipient with a MAC only the portal can make. Anything else is asked first (/launch/<slug>/open).
import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { launchPath, launchSlug } from "@/lib/launch/launch-slug";

/** The query parameter of a mailed launch link: the MAC of recipient and product. */
export const MAILED_LAUNCH_PARAMETER = "for";

let launchLinkKey: { secret: string; key: Buffer } | undefined;

/** A key derived from AUTH_SECRET for this purpose only. */
function keyOf(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  if (launchLinkKey?.secret !== secret) launchLinkKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "", "license-portal/mailed-launch-link/v1", 32)) };
  return launchLinkKey.key;
}

function macOf(userId: string, productCode: string): Buffer {
  return createHmac("sha256", keyOf()).update(`${userId}\n${launchSlug(productCode)}`).digest().subarray(0, 16);
}

/** The path a license mail links to for its recipient: /launch/<slug>?for=<MAC>. */
export function mailedLaunchPath(options: { userId: string; productCode: string }): string {
  return `${launchPath(options.productCode)}?${MAILED_LAUNCH_PARAMETER}=${macOf(options.userId, options.productCode).toString("base64url")}`;
}

function isMailedTo(userId: string, productCode: string, mac: string | null): boolean {
  if (!mac || !/^[A-Za-z0-9_-]{22}$/.test(mac)) return false;
  return timingSafeEqual(Buffer.from(mac, "base64url"), macOf(userId, productCode));
}

/**
 * A GET of /launch/<slug> that may open at once. Sec-Fetch-Site (sent by every current browser):
 * "same-origin" is the portal's own link, "none" a typed address or bookmark; "cross-site" and
 * "same-site" come from somewhere else, as does a request without the header.
 */
export function mayLaunchAtOnce(options: { headers: Headers; userId: string; productCode: string; mailedMac: string | null }): boolean {
  const site = options.headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return true;
  return isMailedTo(options.userId, options.productCode, options.mailedMac);
}

/** The confirmation's POST must come from the portal's own page. */
export function isSameOriginPost(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = headers.get("origin");
  const host = headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
