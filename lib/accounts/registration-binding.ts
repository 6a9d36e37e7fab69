// Decision 017: registration binds its verification link to the browser that registered. That
// browser gets a random secret in an HttpOnly cookie scoped to the activation page; the token keeps
// only its SHA-256. Activation with the matching cookie applies what was typed at registration in
// one click (R10); anywhere else — another browser, a mail scanner, the real owner of an address a
// stranger registered — the mailbox owner chooses the password on the activation page.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { VERIFICATION_TOKEN_TTL_MS } from "@/lib/auth/one-time-tokens";
import { sessionCookie } from "@/lib/auth/session-cookie";
import type { Env } from "@/lib/env";

const SECRET_BYTES = 32;

export function newBindingSecret(): string {
  return randomBytes(SECRET_BYTES).toString("base64url");
}

export function bindingHashOf(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Whether the browser's secret is the one whose hash the token holds (constant time). */
export function isRegisteringBrowser(secret: string | null | undefined, bindingHash: string | undefined): boolean {
  if (!secret || !bindingHash || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return false;
  return timingSafeEqual(Buffer.from(bindingHashOf(secret), "hex"), Buffer.from(bindingHash, "hex"));
}

/** HttpOnly, SameSite=Lax, only sent to the activation page, for as long as the link lives; Secure like the session cookie. */
export function registrationBindingCookie(config: Pick<Env, "isProduction" | "APP_BASE_URL">) {
  const secure = sessionCookie(config).options.secure;
  return {
    name: `${secure ? "__Secure-" : ""}registration-binding`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/verify-email", secure, maxAge: VERIFICATION_TOKEN_TTL_MS / 1000 },
  };
}
