// The session cookie: Secure on https and in production, except a production build on a loopback host (plain
// http). Named `__Host-` on https at the root, so no subdomain or plain-http page can plant it; otherwise
// `__Secure-` when Secure.
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
