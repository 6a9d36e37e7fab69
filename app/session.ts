// The request's session, for server components, route handlers and the action helper. It lives in
// app/ because next-auth's getServerSession reads the request through next/headers.
import "server-only";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { getAuthOptions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { movePortalSessionToVersion } from "@/lib/auth/portal-sessions";
import { parseSessionClaims, type SessionClaims } from "@/lib/auth/session-claims";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

/** The signed-in user, or null (no session, ended session, disabled or unverified user). */
export async function getSessionUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(getAuthOptions());
  return getCurrentUser(parseSessionClaims(session));
}

/** For pages behind sign-in: signed-out visitors go to the sign-in page, and back here after it. */
export async function requireSessionUser(): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user) redirect(await signInPathForThisPage());
  return user;
}

async function signInPathForThisPage(): Promise<string> {
  const back = safeRedirectPath((await headers()).get("x-request-path"), env().APP_BASE_URL, "");
  return back && back !== "/" ? `/sign-in?callbackUrl=${encodeURIComponent(back)}` : "/sign-in";
}

/**
 * Replaces this browser's session cookie with one for new claims. After a password change the
 * raised sessionVersion ends every other session; this one continues under the new version.
 */
export async function reissueSession(claims: SessionClaims): Promise<void> {
  await movePortalSessionToVersion(claims);
  const config = env();
  const cookie = sessionCookie(config);
  const token = await encode({
    token: { sub: claims.userId, ...claims },
    secret: getAuthOptions().secret as string,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(cookie.name, token, { ...cookie.options, maxAge: SESSION_MAX_AGE_SECONDS });
}

/** The client's address for rate limits and the audit trail (see lib/auth/client-ip.ts). */
export async function requestIpAddress(): Promise<string | null> {
  return clientIpFromHeaders(await headers());
}
