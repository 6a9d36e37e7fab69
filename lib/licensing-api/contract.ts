// The licensing API (/api/v1, issue 6) as data: request and response bodies as zod schemas, the
// problem codes with their HTTP status, and the claims of every signed document. One contract for
// the route handlers (app/api/v1), the OpenAPI document (/api/v1/openapi.json, generated from these
// schemas with z.toJSONSchema) and the reference desktop client (clients/desktop), so the three
// cannot drift apart. No server-only import: the client uses this file.
import { z } from "zod";
import type { LaunchLevel } from "@/lib/signing/token-types";
import { singleLineText } from "@/lib/validation/safe-text";

// ------------------------------------------------------------------ limits and shared fields

/** Request bodies larger than this are refused with 400 before they are parsed. */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;
/** Access tokens are short-lived; the refresh token (30 days, R5) gets a new one. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** R5: "the login is remembered for 30 days". */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A license file must be renewed online at least this often (and never outlives its license). */
export const LICENSE_FILE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A stable identifier of one machine, computed by the client (e.g. sha256 of the machine id). */
export const Fingerprint = z.string().trim().min(16).max(128).regex(/^[A-Za-z0-9:_-]+$/, "letters, digits, ':', '_' or '-'");
/** Every string a client sends is one line without control characters (issue 13): a NUL would reach PostgreSQL as an error. */
export const Hostname = singleLineText().min(1).max(253);
export const RecordId = z.uuid();

// ------------------------------------------------------------------ problems (RFC 9457)

/** Every error answer's stable `code`, with its HTTP status. */
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
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  /** Single use: each refresh returns a new one; presenting a used one again revokes the session. */
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.iso.datetime(),
});

/** Claims of the access token (JWS typ at+jwt, aud API_AUDIENCE, sub = user id). */
export type AccessTokenClaims = {
  /** The refresh-token family = the API session; signing out or reuse detection revokes it. */
  sid: string;
  /** User.sessionVersion at issue: a password change or "sign out everywhere" ends the token (issue 4). */
  ver: number;
  client: string;
  /** The device named at sign-in, if any. */
  did?: string;
};

// ------------------------------------------------------------------ activations (R3, R4, R22)

export const ActivationRequest = z.strictObject({ activationKey: singleLineText().min(1).max(64), fingerprint: Fingerprint, hostname: Hostname });
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
export type LeaseClaims = { leaseId: string; licenseId: string; productCode: string; fingerprint: string | null; browserSessionId?: string; expiresAt: string };

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
  /** The user's portal language (R29), so a web application on another origin greets them in it. */
  locale: "nl" | "en";
  level: LaunchLevel;
  companyId: string | null;
  /** licensed: the license; trial: when it ends; floating: the seat taken for this browser session. */
  licenseId?: string;
  trialEndsAt?: string;
  lease?: { id: string; expiresAt: string };
  /**
   * The portal session of the browser that opened the software (issue 13): its web session lives as
   * long as that one does (POST /api/v1/web-sessions/status); with the lease id it keeps or frees the seat.
   */
  browserSessionId: string;
  /** The token is redeemed once (POST /api/v1/web-sessions) before the application trusts it. */
  jti: string;
};

export const JwksResponse = z.object({
  keys: z.array(z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string(), kid: z.string(), alg: z.literal("EdDSA"), use: z.literal("sig") })),
});

// ------------------------------------------------------------------ web sessions (R2: a web application keeps or frees its seat)
// /launch/<product> sends the browser to the product's launch URL with a launch token in this query
// parameter. A floating license's token names the seat (`lease`) and the browser session holding
// it; together they are the capability a web application presents to keep the seat alive while the
// tab is in use and to free it on "Log out". Nothing else is needed: no access token, no cookie.

export const LAUNCH_TOKEN_PARAMETER = "launch_token";
/** A launch token is a hand-over, not a session: the web application verifies it at once. */
export const LAUNCH_TOKEN_TTL_SECONDS = 120;

/** 32 random bytes, base64url: the portal's httpOnly cookie for one browser, unguessable. */
export const BrowserSessionId = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "43 base64url characters");

/**
 * Body of `POST /api/v1/web-sessions/heartbeat` and `DELETE /api/v1/web-sessions`.
 * Heartbeat → 200 WebSessionHeartbeatResponse (the seat extended by 1 hour), 403 NOT_ASSIGNED or
 * LICENSE_NOT_VALID (revoked, or the license expired), 404 NOT_FOUND (no such seat for this browser
 * session), 410 LEASE_EXPIRED (released, or lapsed and taken by a colleague meanwhile).
 * Delete → 204 (also when already released), 404 NOT_FOUND. Both: 400 INVALID_REQUEST, 415.
 */
export const WebSessionRequest = z.strictObject({ leaseId: RecordId, browserSessionId: BrowserSessionId });
export type WebSessionRequest = z.infer<typeof WebSessionRequest>;
export const WebSessionHeartbeatResponse = z.object({ leaseId: RecordId, expiresAt: z.iso.datetime() });
export type WebSessionHeartbeatResponse = z.infer<typeof WebSessionHeartbeatResponse>;

/**
 * Body of `POST /api/v1/web-sessions`: the web application redeems the launch token it was handed,
 * once, before it trusts it (a replayed token is refused). → 201 WebSessionStarted; 401
 * UNAUTHENTICATED (not a valid launch token: signature, kind, expiry); 409 CONFLICT (redeemed before).
 */
export const WebSessionStart = z.strictObject({ launchToken: z.string().min(1).max(8192) });
export type WebSessionStart = z.infer<typeof WebSessionStart>;
export const WebSessionStarted = z.object({ productCode: z.string(), userId: RecordId, browserSessionId: BrowserSessionId });
export type WebSessionStarted = z.infer<typeof WebSessionStarted>;

/**
 * Body of `POST /api/v1/web-sessions/status`: is the user who opened the software still signed in to
 * the portal? → 204 yes; 401 UNAUTHENTICATED once they signed out (here or everywhere), changed
 * their password or their account was disabled: the application ends its own session.
 */
export const WebSessionStatusRequest = z.strictObject({ browserSessionId: BrowserSessionId });
export type WebSessionStatusRequest = z.infer<typeof WebSessionStatusRequest>;
