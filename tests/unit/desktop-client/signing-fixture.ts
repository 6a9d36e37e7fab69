// Ed25519 keys and signed documents made in the test, as the licensing service makes them
// (lib/signing/signed-tokens.ts): kid in the header, a typ per kind, issuer, audience, expiry.
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWK } from "jose";
import { tokenTypHeaders, type SignedTokenKind } from "@/lib/signing/token-types";

export const ISSUER = "https://licenses.example.test";
export const PRODUCT = "PROFIS_LAYOUT_OFFICE";
export const FINGERPRINT = "a".repeat(64);
export const OTHER_FINGERPRINT = "b".repeat(64);
export const NOW = new Date("2026-03-02T10:00:00Z");
const HOUR_S = 3600;

export type TestSigner = { kid: string; publicJwk: JWK; sign: (options: SignOptions) => Promise<string> };
type SignOptions = {
  kind: SignedTokenKind;
  claims: Record<string, unknown>;
  audience?: string;
  issuer?: string;
  /** Seconds since the epoch. */
  expiresAt?: number;
  typ?: string;
  kid?: string;
};

export async function createSigner(kid: string): Promise<TestSigner> {
  const { privateKey, publicKey } = await generateKeyPair("Ed25519", { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "EdDSA", use: "sig" };
  return {
    kid,
    publicJwk,
    sign: (options) =>
      new SignJWT(options.claims)
        .setProtectedHeader({ alg: "EdDSA", kid: options.kid ?? kid, typ: options.typ ?? tokenTypHeaders[options.kind] })
        .setIssuer(options.issuer ?? ISSUER)
        .setSubject("3f0c2a5e-1111-4222-8333-444455556666")
        .setAudience(options.audience ?? PRODUCT)
        .setIssuedAt(Math.floor(NOW.getTime() / 1000))
        .setExpirationTime(options.expiresAt ?? Math.floor(NOW.getTime() / 1000) + 30 * 24 * HOUR_S)
        .sign(privateKey),
  };
}

export function jwksOf(...signers: TestSigner[]): JSONWebKeySet {
  return { keys: signers.map((signer) => signer.publicJwk) };
}

export function licenseFileClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    activationId: "6b3f8f0e-0000-4000-8000-000000000001",
    licenseId: "6b3f8f0e-0000-4000-8000-000000000002",
    licenseType: "NODE_LOCKED",
    edition: "Standard",
    productCode: PRODUCT,
    fingerprint: FINGERPRINT,
    hostname: "NL-LT-TEST",
    companyId: "6b3f8f0e-0000-4000-8000-000000000003",
    licenseValidUntil: "2027-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function leaseClaims(expiresAt: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    leaseId: "6b3f8f0e-0000-4000-8000-000000000004",
    licenseId: "6b3f8f0e-0000-4000-8000-000000000002",
    productCode: PRODUCT,
    fingerprint: FINGERPRINT,
    expiresAt: expiresAt.toISOString(),
    ...overrides,
  };
}

/** The same token with one claim of its payload changed and the signature kept. */
export function tamperWith(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  change(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
}
