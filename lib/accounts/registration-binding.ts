// Decision 017: the verification link is bound to the registering browser by a secret in a cookie; the
// token keeps only its SHA-256.
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

/** Sent only to the activation page, for as long as the link lives; Secure like the session cookie. */
export function registrationBindingCookie(config: Pick<Env, "isProduction" | "APP_BASE_URL">) {
  const secure = sessionCookie(config).options.secure;
  return {
    name: `${secure ? "__Secure-" : ""}registration-binding`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/verify-email", secure, maxAge: VERIFICATION_TOKEN_TTL_MS / 1000 },
  };
}
