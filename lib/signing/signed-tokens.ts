// Signing and verifying the service's own tokens (issue 6) with the active Ed25519 key: JWS
// compact serialisation via `jose`, `kid` in the header, a `typ` per kind (token-types.ts), the
// app's base URL as issuer and an injectable clock, so tests can check expiry without waiting.
import "server-only";
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { activeSigningKey, publicSigningKey } from "@/lib/signing/signing-keys";
import { SIGNING_ALGORITHM, tokenTypHeaders, type SignedTokenKind } from "@/lib/signing/token-types";

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
  return new SignJWT(options.claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: tokenTypHeaders[options.kind] })
    .setIssuer(tokenIssuer())
    .setSubject(options.subject)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(key.privateKey);
}

/**
 * Verifies a token this service signed: signature with a published key, kind, issuer, audience and
 * expiry by the given clock. Anything wrong is UNAUTHENTICATED, without saying what.
 */
export async function verifyToken<T extends JWTPayload = JWTPayload>(options: {
  kind: SignedTokenKind;
  token: string;
  audience: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<T> {
  const now = (options.clock ?? systemClock).now();
  try {
    const { payload } = await jwtVerify<T>(
      options.token,
      async (header) => {
        const key = header.kid ? await publicSigningKey(header.kid, { db: options.db, clock: options.clock }) : null;
        if (!key) throw new joseErrors.JWKSNoMatchingKey();
        return key.publicKey;
      },
      { algorithms: [SIGNING_ALGORITHM], typ: tokenTypHeaders[options.kind], issuer: tokenIssuer(), audience: options.audience, currentDate: now },
    );
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw new DomainError("UNAUTHENTICATED", "The token is not valid", { reason: error.code });
    throw error;
  }
}
