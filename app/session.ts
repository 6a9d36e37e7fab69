// The request's session, for server components, route handlers and the action helper. It lives in
// app/ because next-auth's getServerSession reads the request through next/headers.
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getAuthOptions } from "@/lib/auth/options";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { parseSessionClaims } from "@/lib/auth/session-claims";

/** The signed-in user, or null (no session, ended session, disabled or unverified user). */
export async function getSessionUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(getAuthOptions());
  return getCurrentUser(parseSessionClaims(session));
}

/** For pages behind sign-in: signed-out visitors go to the sign-in page. */
export async function requireSessionUser(): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}
