// The licensing API (/api/v1) as data: bodies, problem codes and the claims of every signed document, one
// contract for the route handlers, the OpenAPI document and clients/desktop. No server-only: the client uses it.
import { z } from "zod";
import type { LaunchLevel } from "@/lib/signing/token-types";
import { singleLineText } from "@/lib/validation/safe-text";

// ------------------------------------------------------------------ limits and shared fields

/** Larger request bodies are refused with 400 before they are parsed. */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** R5: "the login is remembered for 30 days". */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A license file must be renewed online at least this often (and never outlives its license). */
export const LICENSE_FILE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** One machine, computed by the client (e.g. sha256 of the machine id). */
export const Fingerprint = z
  .string()
  .trim()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9:_-]+$/, "letters, digits, ':', '_' or '-'");
/** Every string a client sends is one line without control characters (decision 014). */
export const Hostname = singleLineText().min(1).max(253);
export const RecordId = z.uuid();

// ------------------------------------------------------------------ problems (RFC 9457)

export const problemStatus = {
  INVALID_REQUEST: 400, // malformed JSON, wrong types, unknown fields, body too large: `errors` lists fields
  UNAUTHENTICATED: 401, // no, malformed, expired or revoked access token
  INVALID_CREDENTIALS: 401, // sign-in with a wrong email or password (never says which)
  INVALID_REFRESH_TOKEN: 401, // unknown, expired, revoked or reused refresh token (reuse revokes the family)
  EMAIL_NOT_VERIFIED: 403, // sign-in with the right password of an account whose email is not verified yet (R10)
  FORBIDDEN: 403, // the user's role in the company may not use software
  NOT_ASSIGNED: 403, // the key or license exists in the user's company but is not assigned to them
  NOT_ACTIVATED: 403, // desktop floating: this device has no activation of the license (R5)
  LICENSE_NOT_VALID: 403, // outside the license's validity (expired or not yet started)
  NOT_FOUND: 404, // missing, or another user's or company's (R28: the same answer)
  INVALID_ACTIVATION_KEY: 404,
  ACTIVATION_LIMIT: 409, // node-locked key active on another device: `device` names it (R3, R4)
  NO_SEAT_AVAILABLE: 409, // floating: all seats leased: `seats` and `nextExpiry` (R2, R25)
  CONFLICT: 409, // any other conflict with the current state
  LEASE_EXPIRED: 410, // heartbeat of a lease whose hour passed and whose seat was taken
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429, // `retryAfterSeconds`; also the Retry-After header
  INTERNAL: 500,
  OVERLOADED: 503, // the instance is at its limit of requests in flight (API_MAX_IN_FLIGHT): Retry-After
  DATABASE_UNAVAILABLE: 503, // any route while the database does not answer (down, frozen, overloaded): Retry-After
} as const;
export type ProblemCode = keyof typeof problemStatus;

export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(Object.keys(problemStatus) as [ProblemCode, ...ProblemCode[]]),
  detail: z.string().optional(),
  /** INVALID_REQUEST: one entry per wrong field ("" for the body as a whole). */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** ACTIVATION_LIMIT */
  device: z.object({ hostname: z.string(), activatedAt: z.string() }).optional(),
  /** NO_SEAT_AVAILABLE */
  seats: z.number().int().optional(),
  nextExpiry: z.string().nullable().optional(),
  /** RATE_LIMITED, OVERLOADED, DATABASE_UNAVAILABLE */
  retryAfterSeconds: z.number().int().optional(),
});
export type Problem = z.infer<typeof Problem>;

// ------------------------------------------------------------------ sessions (R5)

export const SignInRequest = z.strictObject({
  email: singleLineText().max(254),
  password: z.string().max(1024),
  /** Which application signs in, e.g. "PROFIS Anchor 3.2 (Windows)". */
  client: singleLineText().min(1).max(100),
  /** A desktop application names its machine; leases and sign-out are then per device. */
  device: z.strictObject({ fingerprint: Fingerprint, hostname: Hostname }).optional(),
});
export const RefreshRequest = z.strictObject({ refreshToken: singleLineText().min(1).max(200) });
export const SessionResponse = z.object({
  accessToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int(),
  /** Single use; presenting a used one again revokes the session. */
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.iso.datetime(),
});

/** Claims of the access token (JWS typ at+jwt, aud API_AUDIENCE, sub = user id). */
export type AccessTokenClaims = {
  /** The refresh-token family, i.e. the API session. */
  sid: string;
  /** User.sessionVersion at issue: a password change or "sign out everywhere" ends the token. */
  ver: number;
  client: string;
  did?: string;
};

// ------------------------------------------------------------------ activations (R3, R4, R22)

export const ActivationRequest = z.strictObject({
  activationKey: singleLineText().min(1).max(64),
  fingerprint: Fingerprint,
  hostname: Hostname,
});
export const Activation = z.object({
  id: RecordId,
  licenseId: RecordId,
  licenseType: z.enum(["NAMED_USER", "FLOATING", "NODE_LOCKED"]),
  productCode: z.string(),
  productName: z.string(),
  deviceId: RecordId,
  hostname: z.string(),
  fingerprint: z.string(),
  activatedAt: z.iso.datetime(),
  validUntil: z.iso.datetime(),
});
/** 201 for a new activation, 200 for the same fingerprint again (same activation). */
export const ActivationResponse = z.object({ activation: Activation, licenseFile: z.string() });

/** Claims of a license file (JWS typ license-file+jwt, aud = product code, sub = user id). */
export type LicenseFileClaims = {
  activationId: string;
  licenseId: string;
  licenseType: "NAMED_USER" | "FLOATING" | "NODE_LOCKED";
  edition: string;
  productCode: string;
  fingerprint: string;
  hostname: string;
  companyId: string;
  /** End of the license itself; the file's exp is min(this, now + LICENSE_FILE_TTL_MS). */
  licenseValidUntil: string;
};

// ------------------------------------------------------------------ leases (R2, R5, R25)

export const LeaseRequest = z.strictObject({ licenseId: RecordId, fingerprint: Fingerprint });
/** 201 for a new seat, 200 when this user and device already held one (extended). */
export const LeaseResponse = z.object({
  id: RecordId,
  licenseId: RecordId,
  expiresAt: z.iso.datetime(),
  /** A lease+jwt stating this lease, verifiable offline with the published keys. */
  signature: z.string(),
});

/** POST /api/v1/leases/{id}/heartbeat takes no body (or `{}`) and answers like a lease: the new expiry and receipt. */
export const HeartbeatRequest = z.strictObject({});
export const HeartbeatResponse = LeaseResponse;

/** Claims of a lease receipt (JWS typ lease+jwt, aud = product code, sub = user id, exp = expiresAt). */
export type LeaseClaims = {
  leaseId: string;
  licenseId: string;
  productCode: string;
  fingerprint: string | null;
  browserSessionId?: string;
  expiresAt: string;
};

// ------------------------------------------------------------------ entitlements (R23 as JSON)

export const Entitlement = z.object({
  licenseId: RecordId,
  productCode: z.string(),
  productName: z.string(),
  productKind: z.enum(["WEB", "DESKTOP"]),
  licenseType: z.enum(["NAMED_USER", "FLOATING", "NODE_LOCKED"]),
  edition: z.string(),
  validUntil: z.iso.datetime(),
  /** Desktop only. */
  activationKey: z.string().nullable(),
  launchUrl: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});
export const EntitlementsResponse = z.object({
  user: z.object({ id: RecordId, email: z.string(), name: z.string() }),
  company: z.object({ id: RecordId, name: z.string(), country: z.string() }).nullable(),
  entitlements: z.array(Entitlement),
});

// ------------------------------------------------------------------ launch (R1, R2, R20)

/** Claims of a launch token (JWS typ launch+jwt, aud = product code, sub = user id, about 2 minutes). */
export type LaunchClaims = {
  email: string;
  name: string;
  /** The user's portal language (R29). */
  locale: "nl" | "en";
  level: LaunchLevel;
  companyId: string | null;
  /** licensed: the license; trial: when it ends; floating: the seat taken for this browser session. */
  licenseId?: string;
  trialEndsAt?: string;
  lease?: { id: string; expiresAt: string };
  /** The opening browser's portal session: the web session lives as long as it; with the lease id it holds the seat. */
  browserSessionId: string;
  /** Redeemed once (POST /api/v1/web-sessions) before the application trusts the token. */
  jti: string;
};

export const JwksResponse = z.object({
  keys: z.array(
    z.object({
      kty: z.literal("OKP"),
      crv: z.literal("Ed25519"),
      x: z.string(),
      kid: z.string(),
      alg: z.literal("EdDSA"),
      use: z.literal("sig"),
    }),
  ),
});

// ------------------------------------------------------------------ web sessions (R2: a web application keeps or frees its seat)
// The launch token's lease id and browser session id are the capability: no access token, no cookie.

export const LAUNCH_TOKEN_PARAMETER = "launch_token";
export const LAUNCH_TOKEN_TTL_SECONDS = 120;

export const BrowserSessionId = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "43 base64url characters");

/** Body of `POST /api/v1/web-sessions/heartbeat` and `DELETE /api/v1/web-sessions`. */
export const WebSessionRequest = z.strictObject({ leaseId: RecordId, browserSessionId: BrowserSessionId });
export type WebSessionRequest = z.infer<typeof WebSessionRequest>;
export const WebSessionHeartbeatResponse = z.object({ leaseId: RecordId, expiresAt: z.iso.datetime() });
export type WebSessionHeartbeatResponse = z.infer<typeof WebSessionHeartbeatResponse>;

/** Body of `POST /api/v1/web-sessions`: the launch token, redeemed once (409 on replay). */
export const WebSessionStart = z.strictObject({ launchToken: z.string().min(1).max(8192) });
export type WebSessionStart = z.infer<typeof WebSessionStart>;
export const WebSessionStarted = z.object({ productCode: z.string(), userId: RecordId, browserSessionId: BrowserSessionId });
export type WebSessionStarted = z.infer<typeof WebSessionStarted>;

/** Body of `POST /api/v1/web-sessions/status`: 204 while the user is signed in to the portal, else 401. */
export const WebSessionStatusRequest = z.strictObject({ browserSessionId: BrowserSessionId });
export type WebSessionStatusRequest = z.infer<typeof WebSessionStatusRequest>;
