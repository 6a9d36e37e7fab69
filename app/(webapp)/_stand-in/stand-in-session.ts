// The stand-in web application's own session: after verifying a launch token and redeeming it with
// the portal (once: a replayed token starts nothing), it keeps that token in an httpOnly cookie of
// its own path and re-verifies its signature on every request, so the user cannot change their
// level or seat. The session lasts while the user is signed in to the portal (asked on every
// request, decision 018), and at most SESSION_MAX_AGE_MS.
import "server-only";
import { cookies } from "next/headers";
import { productCodeOfSlug } from "@/lib/launch/launch-slug";
import { claimedIssueTime, portalUrl, verifyLaunchToken, type VerifiedLaunch } from "@/app/(webapp)/_stand-in/launch-token-verifier";
import { isSignedInAtPortal, redeemLaunchToken } from "@/app/(webapp)/_stand-in/portal-client";

const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
const COOKIE_NAME = "stand-in-session";

export type StandInProduct = { slug: string; code: string; name: string };

/** The applications the stand-in plays; any other web product of the portal gets a name from its code. */
const knownNames: Record<string, string> = { PROFIS_ENGINEERING: "PROFIS Engineering" };

/** The stand-in plays the portal's web products: /apps/profis-engineering is PROFIS_ENGINEERING. */
export function standInProduct(slug: string): StandInProduct | null {
  const code = productCodeOfSlug(slug);
  if (!code) return null;
  const name =
    knownNames[code] ??
    slug
      .split("-")
      .map((word) => `${word[0]!.toUpperCase()}${word.slice(1)}`)
      .join(" ");
  return { slug, code, name };
}

function cookieOptions(product: StandInProduct) {
  // Served from the portal's base URL in the demo, so Secure exactly when that is https.
  return { httpOnly: true, sameSite: "lax" as const, path: `/apps/${product.slug}`, secure: new URL(portalUrl()).protocol === "https:" };
}

export async function startStandInSession(product: StandInProduct, token: string): Promise<VerifiedLaunch> {
  const launch = await verifyLaunchToken(token, { productCode: product.code });
  if (!(await redeemLaunchToken(token))) throw new Error("The launch token was used before");
  (await cookies()).set(COOKIE_NAME, token, cookieOptions(product));
  return launch;
}

export async function readStandInSession(product: StandInProduct): Promise<VerifiedLaunch | null> {
  const token = (await cookies()).get(COOKIE_NAME)?.value;
  if (!token) return null;
  const issuedAt = claimedIssueTime(token);
  if (!issuedAt || Date.now() - issuedAt.getTime() > SESSION_MAX_AGE_MS) return null;
  let launch: VerifiedLaunch;
  try {
    launch = await verifyLaunchToken(token, { productCode: product.code, at: issuedAt });
  } catch {
    return null;
  }
  return (await isSignedInAtPortal(launch)) ? launch : null;
}

export async function endStandInSession(product: StandInProduct): Promise<void> {
  (await cookies()).set(COOKIE_NAME, "", { ...cookieOptions(product), maxAge: 0 });
}
