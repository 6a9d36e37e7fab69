// What each signed token of the licensing service is, shared by the signer (lib/signing/signed-tokens.ts)
// and every verifier: the portal's API, the stand-in web application and the reference desktop
// client, which verify offline with the published keys (/api/v1/signing-keys). No server-only
// import: client-side verifiers use this file too.

/** JOSE `typ` header per token kind, so a token of one kind can never be accepted as another (RFC 8725 §3.11). */
export const tokenTypHeaders = {
  /** Short-lived hand-over from /launch/<product> to a web application (R1, R2, R20). */
  launch: "launch+jwt",
  /** API access token (RFC 9068). */
  access: "at+jwt",
  /** A desktop activation's license file: valid for this license on this fingerprint (R3, R4). */
  licenseFile: "license-file+jwt",
  /** A floating seat taken by a desktop device or browser session, until expiresAt (R2, R5). */
  lease: "lease+jwt",
} as const;

export type SignedTokenKind = keyof typeof tokenTypHeaders;

/** The API's own audience; launch tokens name the product code as theirs. */
export const API_AUDIENCE = "license-portal-api";

export const SIGNING_ALGORITHM = "EdDSA";

/** Access level a launch token grants (R20): a license, a running trial, or the free Standard level. */
export type LaunchLevel = "licensed" | "trial" | "standard";
