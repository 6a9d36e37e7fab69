// Who may make a signed-in browser open web software at once (decision 018): the portal's own or a typed
// navigation, or a license mail's link naming its recipient by a MAC; anything else is asked first.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { launchPath, launchSlug } from "@/lib/launch/launch-slug";

export const MAILED_LAUNCH_PARAMETER = "for";

function macOf(launchLinkSecret: string, productCode: string): Buffer {
  return createHmac("sha256", launchLinkSecret).update(launchSlug(productCode)).digest().subarray(0, 16);
}

/** /launch/<slug>?for=<MAC of recipient and product>. */
export function mailedLaunchPath(options: { launchLinkSecret: string; productCode: string }): string {
  return `${launchPath(options.productCode)}?${MAILED_LAUNCH_PARAMETER}=${macOf(options.launchLinkSecret, options.productCode).toString("base64url")}`;
}

async function isMailedTo(options: { userId: string; productCode: string; mailedMac: string | null; db?: DbClient }): Promise<boolean> {
  if (!options.mailedMac || !/^[A-Za-z0-9_-]{22}$/.test(options.mailedMac)) return false;
  const user = await (options.db ?? processDb()).user.findUnique({ where: { id: options.userId }, select: { launchLinkSecret: true } });
  return user !== null && timingSafeEqual(Buffer.from(options.mailedMac, "base64url"), macOf(user.launchLinkSecret, options.productCode));
}

/** Sec-Fetch-Site "same-origin" is the portal's own link, "none" a typed address; anything else is another site. */
export async function mayLaunchAtOnce(options: {
  headers: Headers;
  userId: string;
  productCode: string;
  mailedMac: string | null;
  db?: DbClient;
}): Promise<boolean> {
  const site = options.headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return true;
  return isMailedTo(options);
}
