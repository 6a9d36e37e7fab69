// Offline verification of what the licensing service signs for a desktop application (R30,
// decision 009): license files of activations (R3, R4) and lease receipts of floating seats (R5).
// The client trusts a document only when all of these hold, checked with the published keys
// (JWKS) and no call to the server:
//   - an EdDSA signature by a published key (the `kid` in the header), over an unaltered payload;
//   - the `typ` of the expected kind, so a lease receipt is never taken for a license file (RFC 8725 §3.11);
//   - issuer = the server the client talks to, audience = the product's code;
//   - not expired by the given clock;
//   - the fingerprint in the claims is this machine's, so a file copied from another machine is refused;
//   - and any ids the caller expects (the activation or lease it just asked for).
// Pure functions of their inputs: the unit tests build keys and documents of their own.
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet } from "jose";
import { z } from "zod";
import type { LeaseClaims, LicenseFileClaims } from "@/lib/licensing-api/contract";
import { SIGNING_ALGORITHM, tokenTypHeaders } from "@/lib/signing/token-types";

export type SignedDocumentKind = "licenseFile" | "lease";

export type RejectionReason =
  | "MALFORMED"
  | "UNKNOWN_KEY"
  | "BAD_SIGNATURE"
  | "WRONG_ALGORITHM"
  | "WRONG_TYPE"
  | "WRONG_ISSUER"
  | "WRONG_AUDIENCE"
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "OTHER_MACHINE"
  | "UNEXPECTED_CLAIMS";

const documentNames: Record<SignedDocumentKind, string> = { licenseFile: "license file", lease: "lease receipt" };

/** Thrown for any document the client must not trust; `reason` says which check failed. */
export class SignedDocumentRejectedError extends Error {
  constructor(
    readonly kind: SignedDocumentKind,
    readonly reason: RejectionReason,
    detail: string,
  ) {
    super(`The ${documentNames[kind]} was refused: ${detail}`);
    this.name = "SignedDocumentRejectedError";
  }
}

const StandardClaims = z.object({
  iss: z.string(),
  sub: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  iat: z.number().optional(),
});

const LicenseFileClaimsSchema = StandardClaims.extend({
  activationId: z.string(),
  licenseId: z.string(),
  licenseType: z.enum(["NAMED_USER", "FLOATING", "NODE_LOCKED"]),
  edition: z.string(),
  productCode: z.string(),
  fingerprint: z.string(),
  hostname: z.string(),
  companyId: z.string(),
  licenseValidUntil: z.string(),
}) satisfies z.ZodType<LicenseFileClaims>;

const LeaseClaimsSchema = StandardClaims.extend({
  leaseId: z.string(),
  licenseId: z.string(),
  productCode: z.string(),
  fingerprint: z.string().nullable(),
  browserSessionId: z.string().optional(),
  expiresAt: z.string(),
}) satisfies z.ZodType<LeaseClaims>;

export type VerifiedLicenseFile = z.infer<typeof LicenseFileClaimsSchema>;
export type VerifiedLease = z.infer<typeof LeaseClaimsSchema>;

export type VerifyOptions<Claims> = {
  token: string;
  /** The published keys (GET /api/v1/signing-keys), e.g. from the client's cache. */
  jwks: JSONWebKeySet;
  /** The server's base URL, which the service uses as its issuer. */
  issuer: string;
  /** The product's code (e.g. PROFIS_LAYOUT_OFFICE): the audience of its documents. */
  productCode: string;
  /** This machine's fingerprint. */
  fingerprint: string;
  /** Claims that must have exactly these values, e.g. the activation id the server just answered with. */
  expected?: Partial<Record<keyof Claims, string>>;
  now?: Date;
};

export function verifyLicenseFile(options: VerifyOptions<VerifiedLicenseFile>): Promise<VerifiedLicenseFile> {
  return verifySignedDocument("licenseFile", LicenseFileClaimsSchema, options);
}

export function verifyLeaseReceipt(options: VerifyOptions<VerifiedLease>): Promise<VerifiedLease> {
  return verifySignedDocument("lease", LeaseClaimsSchema, options);
}

/** The key id a compact JWS names in its header, without trusting anything else about it. */
export function keyIdOf(token: string): string | null {
  const [header] = token.split(".");
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header ?? "", "base64url").toString("utf8"));
    return typeof parsed === "object" && parsed !== null && "kid" in parsed && typeof parsed.kid === "string" ? parsed.kid : null;
  } catch {
    return null;
  }
}

async function verifySignedDocument<Claims extends { fingerprint: string | null }>(
  kind: SignedDocumentKind,
  schema: z.ZodType<Claims>,
  options: VerifyOptions<Claims>,
): Promise<Claims> {
  const reject = (reason: RejectionReason, detail: string) => new SignedDocumentRejectedError(kind, reason, detail);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(options.token, createLocalJWKSet(options.jwks), {
      algorithms: [SIGNING_ALGORITHM],
      typ: tokenTypHeaders[kind],
      issuer: withoutTrailingSlash(options.issuer),
      audience: options.productCode,
      currentDate: options.now ?? new Date(),
      requiredClaims: ["exp", "sub"],
    }));
  } catch (error) {
    throw rejectionFor(error, kind, options, reject);
  }
  const claims = schema.safeParse(payload);
  if (!claims.success) throw reject("UNEXPECTED_CLAIMS", "its claims are not those of a " + documentNames[kind]);
  // R3: a license file is valid on the machine it was issued for only.
  if (claims.data.fingerprint !== options.fingerprint) {
    throw reject(
      "OTHER_MACHINE",
      `it was issued for another machine (fingerprint ${claims.data.fingerprint ?? "none"}, this machine is ${options.fingerprint})`,
    );
  }
  for (const [name, value] of Object.entries(options.expected ?? {})) {
    const actual = (claims.data as Record<string, unknown>)[name];
    if (actual !== value) throw reject("UNEXPECTED_CLAIMS", `its ${name} is ${String(actual)}, expected ${String(value)}`);
  }
  return claims.data;
}

function rejectionFor(
  error: unknown,
  kind: SignedDocumentKind,
  options: VerifyOptions<unknown>,
  reject: (reason: RejectionReason, detail: string) => SignedDocumentRejectedError,
): Error {
  if (error instanceof joseErrors.JWTExpired) {
    const exp = typeof error.payload.exp === "number" ? new Date(error.payload.exp * 1000).toISOString() : "an unknown time";
    return reject("EXPIRED", `it expired at ${exp}`);
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case "typ":
        return reject("WRONG_TYPE", `it is not a ${tokenTypHeaders[kind]} document`);
      case "iss":
        return reject("WRONG_ISSUER", `it was issued by ${String(error.payload.iss)}, not by ${withoutTrailingSlash(options.issuer)}`);
      case "aud":
        return reject("WRONG_AUDIENCE", `it is for ${JSON.stringify(error.payload.aud)}, not for ${options.productCode}`);
      case "nbf":
      case "iat":
        return reject("NOT_YET_VALID", "it is not valid yet");
      default:
        return reject("UNEXPECTED_CLAIMS", `claim ${error.claim}: ${error.reason}`);
    }
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    return reject("UNKNOWN_KEY", `it names a signing key (${keyIdOf(options.token) ?? "no kid"}) that the server does not publish`);
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return reject("BAD_SIGNATURE", "its signature does not match (altered, or signed with another key)");
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return reject("WRONG_ALGORITHM", `it is not signed with ${SIGNING_ALGORITHM}`);
  if (error instanceof joseErrors.JWKSMultipleMatchingKeys) return reject("UNKNOWN_KEY", "its key id is ambiguous");
  if (error instanceof joseErrors.JOSEError) return reject("MALFORMED", `it is not a valid signed document (${error.code})`);
  return error instanceof Error ? error : new Error(String(error));
}

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
