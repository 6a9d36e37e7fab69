// R2: a web application's floating seat belongs to one browser session. The portal keeps a random,
// unguessable id for it in an httpOnly cookie, so opening the software again from the same browser
// extends the same seat instead of taking a second one.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Env } from "@/lib/env";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { BrowserSessionId } from "@/lib/licensing-api/contract";

export function newBrowserSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export function isBrowserSessionId(value: string | undefined | null): value is string {
  return BrowserSessionId.safeParse(value).success;
}

export type BrowserSessionCookie = {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/launch"; secure: boolean };
};

/**
 * Read only by /launch/<product>, so the cookie goes nowhere else; Secure exactly when the session
 * cookie is. No max-age: it ends with the browser session, as the seat's holder should.
 */
export function browserSessionCookie(config: Pick<Env, "isProduction" | "APP_BASE_URL">): BrowserSessionCookie {
  const { secure } = sessionCookie(config).options;
  return {
    name: `${secure ? "__Secure-" : ""}lp-browser-session`,
    options: { httpOnly: true, sameSite: "lax", path: "/launch", secure },
  };
}
