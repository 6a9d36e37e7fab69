// next-auth v4 configuration: credentials sign-in, JWT sessions that carry only SessionClaims.
import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { parseSessionClaims } from "@/lib/auth/session-claims";
import { env } from "@/lib/env";

const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

/** Built per request, so `next build` needs no secret; a server started without one fails loudly. */
export function getAuthOptions(): AuthOptions {
  const secret = env().AUTH_SECRET;
  if (!secret) {
    throw new Error("AUTH_SECRET is not set (at least 32 characters): start the app with `npm start`, which provides it.");
  }
  return {
    secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 * 24 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          const claims = await authenticateWithPassword(credentials);
          return claims ? { id: claims.userId, sessionVersion: claims.sessionVersion } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is present only right after authorize(); later calls keep the token as it is.
        if (user) {
          const claims = parseSessionClaims({ userId: user.id, sessionVersion: (user as { sessionVersion?: unknown }).sessionVersion });
          if (claims) return { ...token, ...claims, sub: claims.userId };
        }
        return token;
      },
      session({ session, token }) {
        // Names and emails are re-read from the database per request; the session carries claims only.
        const claims = parseSessionClaims(token);
        return { expires: session.expires, ...(claims ?? {}) };
      },
    },
  };
}
