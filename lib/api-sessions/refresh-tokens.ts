// Refresh tokens (decision 010): "<session version>.<256 random bits>", stored as the SHA-256 of the whole,
// so the version cannot be edited and a token from before a password change is recognised as stale.
import "server-only";
import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/auth/one-time-tokens";

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^(\d{1,9})\.([A-Za-z0-9_-]{43})$/;

export function newRefreshToken(sessionVersion: number): { token: string; tokenHash: string } {
  const token = `${sessionVersion}.${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  return { token, tokenHash: hashToken(token) };
}

/** The session version a well-formed token was issued under, and its hash; null for anything else. */
export function readRefreshToken(token: string): { sessionVersion: number; tokenHash: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  return { sessionVersion: Number(match[1]), tokenHash: hashToken(token) };
}
