// The service's own tokens (compact JWS, Ed25519, a `typ` per kind): signed with node:crypto, verified with jose
// and remembered per token, so a repeat only has expiry and its key's publication checked again (decision 013).
import "server-only";
import { sign as signBytes } from "node:crypto";
import { errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { LRUCache } from "lru-cache";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { activeSigningKey, publicSigningKey } from "@/lib/signing/signing-keys";
import { SIGNING_ALGORITHM, tokenTypHeaders, type SignedTokenKind } from "@/lib/signing/token-types";

/** Enough for every client active within a token's lifetime. */
const VERIFIED_TOKENS_KEPT = 10_000;

export function tokenIssuer(): string {
  return env().APP_BASE_URL;
}

export async function signToken(options: {
  kind: SignedTokenKind;
  subject: string;
  audience: string;
  claims: Record<string, unknown>;
  /** Absolute expiry (e.g. a lease's expiresAt) … */
  expiresAt?: Date;
  /** … or a lifetime from now. */
  ttlSeconds?: number;
  clock?: Clock;
  db?: DbClient;
}): Promise<string> {
  const now = (options.clock ?? systemClock).now();
  const expiresAt = options.expiresAt ?? new Date(now.getTime() + (options.ttlSeconds ?? 60) * 1000);
  const key = await activeSigningKey({ db: options.db });
  const header = { alg: SIGNING_ALGORITHM, kid: key.kid, typ: tokenTypHeaders[options.kind] };
  const payload = {
    ...options.claims,
    iss: tokenIssuer(),
    sub: options.subject,
    aud: options.audience,
    iat: epochSeconds(now),
    exp: epochSeconds(expiresAt),
  };
  const signingInput = `${base64UrlJson(header)}.${base64UrlJson(payload)}`;
  // RFC 8037: EdDSA signs the ASCII bytes of the signing input; Ed25519 takes no digest (null).
  return `${signingInput}.${signBytes(null, Buffer.from(signingInput, "ascii"), key.privateKey).toString("base64url")}`;
}

type VerifiedToken = { kid: string; payload: JWTPayload };
const globalForTokens = globalThis as unknown as { verifiedTokens?: LRUCache<string, VerifiedToken> };

/** Anything wrong is UNAUTHENTICATED, without saying what. */
export async function verifyToken<T extends JWTPayload = JWTPayload>(options: {
  kind: SignedTokenKind;
  token: string;
  audience: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<T> {
  const now = (options.clock ?? systemClock).now();
  const keyOf = async (kid: string) => (await publicSigningKey(kid, { db: options.db, clock: options.clock }))?.publicKey ?? null;
  const verifiedTokens = (globalForTokens.verifiedTokens ??= new LRUCache({ max: VERIFIED_TOKENS_KEPT }));
  // The kind and audience it was verified for are part of what was verified.
  const cacheKey = `${options.kind} ${options.audience} ${options.token}`;
  try {
    const verified = verifiedTokens.get(cacheKey);
    if (verified) {
      // jose's rules again, for what time changes: expired once exp <= now (seconds); key unpublished.
      if (typeof verified.payload.exp === "number" && verified.payload.exp <= epochSeconds(now))
        throw new joseErrors.JWTExpired('"exp" claim timestamp check failed', verified.payload, "exp", "check_failed");
      if (!(await keyOf(verified.kid))) throw new joseErrors.JWKSNoMatchingKey();
      return verified.payload as T;
    }
    const { payload, protectedHeader } = await jwtVerify<T>(
      options.token,
      async (header) => {
        const key = header.kid ? await keyOf(header.kid) : null;
        if (!key) throw new joseErrors.JWKSNoMatchingKey();
        return key;
      },
      {
        algorithms: [SIGNING_ALGORITHM],
        typ: tokenTypHeaders[options.kind],
        issuer: tokenIssuer(),
        audience: options.audience,
        currentDate: now,
      },
    );
    verifiedTokens.set(cacheKey, { kid: protectedHeader.kid!, payload: Object.freeze(payload) });
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError)
      throw new DomainError("UNAUTHENTICATED", "The token is not valid", { reason: "TOKEN_REJECTED", tokenError: error.code });
    throw error;
  }
}

function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}
