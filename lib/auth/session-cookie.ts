// The session cookie (issue 4): HttpOnly, SameSite=Lax, Secure in production. A production build
// served on a loopback address (the e2e tests, a local `npm start`) is plain http, where a Secure
// cookie would never be sent back, so only there it is not Secure.
import type { Env } from "@/lib/env";

export type SessionCookie = {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function sessionCookie(config: Pick<Env, "isProduction" | "APP_BASE_URL">): SessionCookie {
  const url = new URL(config.APP_BASE_URL);
  const secure = url.protocol === "https:" || (config.isProduction && !LOOPBACK_HOSTS.has(url.hostname));
  return {
    // The __Secure- prefix makes browsers refuse the cookie from plain http or without Secure.
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure },
  };
}
