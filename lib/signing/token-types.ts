// The signed tokens' kinds, shared by the signer and every verifier, the desktop client too (no server-only).

/** JOSE `typ` header per token kind, so a token of one kind can never be accepted as another (RFC 8725 §3.11). */
export const tokenTypHeaders = {
  launch: "launch+jwt",
  /** API access token (RFC 9068). */
  access: "at+jwt",
  licenseFile: "license-file+jwt",
  lease: "lease+jwt",
} as const;

export type SignedTokenKind = keyof typeof tokenTypHeaders;

/** The API's own audience; launch tokens name the product code as theirs. */
export const API_AUDIENCE = "license-portal-api";

export const SIGNING_ALGORITHM = "EdDSA";

/** R20: a license, a running trial, or the free Standard level. */
export type LaunchLevel = "licensed" | "trial" | "standard";
