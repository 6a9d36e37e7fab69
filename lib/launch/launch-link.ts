// Who may make a signed-in browser open web software (issue 13): opening takes a seat, may start the
// one-time trial and is audited, so another site must not do it with a plain link or an image.
// Straight in: a navigation from the portal itself (My software, "Try again"), one the user typed
// or bookmarked, and the "Let's get started" link of a license mail (R21, R23), which names its
// recipient with a MAC keyed by a secret of theirs (User.launchLinkSecret, never shown elsewhere).
// Anything else is asked first (/launch/<slug>/open).
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { launchPath, launchSlug } from "@/lib/launch/launch-slug";

/** The query parameter of a mailed launch link: the MAC of recipient and product. */
export const MAILED_LAUNCH_PARAMETER = "for";

function macOf(launchLinkSecret: string, productCode: string): Buffer {
  return createHmac("sha256", launchLinkSecret).update(launchSlug(productCode)).digest().subarray(0, 16);
}

/** The path a license mail links to for its recipient: /launch/<slug>?for=<MAC>. */
export function mailedLaunchPath(options: { launchLinkSecret: string; productCode: string }): string {
  return `${launchPath(options.productCode)}?${MAILED_LAUNCH_PARAMETER}=${macOf(options.launchLinkSecret, options.productCode).toString("base64url")}`;
}

async function isMailedTo(options: { userId: string; productCode: string; mailedMac: string | null; db?: DbClient }): Promise<boolean> {
  if (!options.mailedMac || !/^[A-Za-z0-9_-]{22}$/.test(options.mailedMac)) return false;
  const user = await (options.db ?? processDb()).user.findUnique({ where: { id: options.userId }, select: { launchLinkSecret: true } });
  return user !== null && timingSafeEqual(Buffer.from(options.mailedMac, "base64url"), macOf(user.launchLinkSecret, options.productCode));
}

/**
 * A GET of /launch/<slug> that may open at once. Sec-Fetch-Site (sent by every current browser):
 * "same-origin" is the portal's own link, "none" a typed address or bookmark; "cross-site" and
 * "same-site" come from somewhere else, as does a request without the header.
 */
export async function mayLaunchAtOnce(options: { headers: Headers; userId: string; productCode: string; mailedMac: string | null; db?: DbClient }): Promise<boolean> {
  const site = options.headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return true;
  return isMailedTo(options);
}
