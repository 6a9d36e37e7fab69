// The session cookie (issue 4): HttpOnly, SameSite=Lax, Secure in production. A production build
// served on a loopback address (the e2e tests, a local `npm start`) is plain http, where a Secure
// cookie would never be sent back, so only there it is not Secure.
// Its name (issue 13): `__Host-` where the site is served over https at the root of its host —
// the browser then refuses it unless Secure, Path=/ and without Domain, so neither a sibling
// subdomain nor a plain-http page can plant or overwrite it; `__Secure-` for any other Secure
// deployment (an http APP_BASE_URL in production, or the portal below a path on a shared host).
// next-auth names its CSRF cookie `__Host-` and its other cookies `__Secure-` on its own whenever
// useSecureCookies (= this cookie's `secure`) is on.
import type { Env } from "@/lib/env";

export type SessionCookie = {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const BASE_NAME = "next-auth.session-token";

export function sessionCookie(config: Pick<Env, "isProduction" | "APP_BASE_URL">): SessionCookie {
  const url = new URL(config.APP_BASE_URL);
  const secure = url.protocol === "https:" || (config.isProduction && !LOOPBACK_HOSTS.has(url.hostname));
  const isHttpsAtRoot = url.protocol === "https:" && (url.pathname === "/" || url.pathname === "");
  const prefix = isHttpsAtRoot ? "__Host-" : secure ? "__Secure-" : "";
  return { name: `${prefix}${BASE_NAME}`, options: { httpOnly: true, sameSite: "lax", path: "/", secure } };
}
