// next-auth v4 configuration: credentials sign-in, JWT sessions that carry only SessionClaims.
import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "@/lib/auth/authenticate";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/current-user";
import { endPortalSessions, startPortalSession } from "@/lib/auth/portal-sessions";
import { parseSessionClaims } from "@/lib/auth/session-claims";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { safeRedirectUrl } from "@/lib/http/safe-redirect";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

/** Errors authorize() reports to the sign-in form; "unverified" only follows a correct password. */
export const signInErrors = { unverified: "UNVERIFIED", rateLimitedPrefix: "RATE_LIMITED:" } as const;

/**
 * Built per request, so `next build` needs no secret. `checkPortalSession` is for next-auth's own
 * routes (`GET /api/auth/session`): a cookie whose portal session ended answers as signed out.
 */
export function getAuthOptions(options: { checkPortalSession?: boolean } = {}): AuthOptions {
  const config = env();
  const secret = config.AUTH_SECRET;
  if (!secret) {
    throw new Error("AUTH_SECRET is not set (at least 32 characters): start the app with `npm start`, which provides it.");
  }
  const cookie = sessionCookie(config);
  return {
    secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 * 24 },
    useSecureCookies: cookie.options.secure,
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const result = await signInWithPassword({ credentials, ipAddress: clientIpFromHeaders(request?.headers ?? {}) });
          switch (result.status) {
            case "signed-in": {
              const session = await startPortalSession(result.claims);
              return { id: result.claims.userId, sessionVersion: result.claims.sessionVersion, sessionId: session.id };
            }
            case "unverified":
              throw new Error(signInErrors.unverified);
            case "rate-limited":
              throw new Error(`${signInErrors.rateLimitedPrefix}${result.retryAfterSeconds}`);
            default:
              return null;
          }
        },
      }),
    ],
    events: {
      // Sign-out ends the session on the server, so a copied cookie stops working (decision 018).
      async signOut({ token }) {
        const claims = parseSessionClaims(token);
        if (claims) await endPortalSessions({ userId: claims.userId, sessionId: claims.sessionId, reason: "signed-out" });
      },
    },
    callbacks: {
      // A callbackUrl from the request stays on APP_BASE_URL's origin, else the start page.
      redirect({ url }) {
        return safeRedirectUrl(url, config.APP_BASE_URL);
      },
      jwt({ token, user }) {
        // `user` is present only right after authorize(); later calls keep the token as it is.
        if (user) {
          const { sessionVersion, sessionId } = user as { sessionVersion?: unknown; sessionId?: unknown };
          const claims = parseSessionClaims({ userId: user.id, sessionVersion, sessionId });
          if (claims) return { ...token, ...claims, sub: claims.userId };
        }
        return token;
      },
      async session({ session, token }) {
        // Names and emails are re-read from the database per request; the session carries claims only.
        const claims = parseSessionClaims(token);
        if (claims && options.checkPortalSession && !(await getCurrentUser(claims))) return { expires: session.expires };
        return { expires: session.expires, ...(claims ?? {}) };
      },
    },
  };
}
