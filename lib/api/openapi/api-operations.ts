// The operations of /api/v1 as data for the OpenAPI document, bodies from the contract; a new route adds its entry.
import type { z } from "zod";
import {
  ActivationRequest,
  ActivationResponse,
  EntitlementsResponse,
  HeartbeatRequest,
  HeartbeatResponse,
  JwksResponse,
  LeaseRequest,
  LeaseResponse,
  RefreshRequest,
  SessionResponse,
  SignInRequest,
  WebSessionHeartbeatResponse,
  WebSessionRequest,
  WebSessionStart,
  WebSessionStarted,
  WebSessionStatusRequest,
  type ProblemCode,
} from "@/lib/licensing-api/contract";

/** A schema with the name it gets under components.schemas. */
export type NamedSchema = { name: string; schema: z.ZodType };

export type ApiOperation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path template, e.g. "/leases/{id}/heartbeat" (relative to the server URL …/api/v1). */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Needs `Authorization: Bearer <access token>`; adds UNAUTHENTICATED. */
  isAuthenticated: boolean;
  requestBody?: NamedSchema & { isRequired: boolean };
  /** Success answers by status; no schema means no body (204). */
  responses: Record<number, { description: string; body?: NamedSchema; contentType?: string }>;
  /** The problem codes this operation answers besides the ones every operation may (INTERNAL, DATABASE_UNAVAILABLE, and 400/415 with a body). */
  problems: ProblemCode[];
};

const named = (name: string, schema: z.ZodType): NamedSchema => ({ name, schema });

const licensingApiOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/sessions",
    operationId: "signIn",
    summary: "Sign in with email and password (R5, R22)",
    description:
      "Rate limited like the portal's sign-in. A desktop application names its device; signing out then releases that device's seats.",
    tag: "Sessions",
    isAuthenticated: false,
    requestBody: { ...named("SignInRequest", SignInRequest), isRequired: true },
    responses: { 201: { description: "Signed in", body: named("SessionResponse", SessionResponse) } },
    problems: ["INVALID_CREDENTIALS", "EMAIL_NOT_VERIFIED", "RATE_LIMITED"],
  },
  {
    method: "post",
    path: "/sessions/refresh",
    operationId: "refreshSession",
    summary: "Exchange a refresh token for new tokens (single use; reuse revokes the session)",
    tag: "Sessions",
    isAuthenticated: false,
    requestBody: { ...named("RefreshRequest", RefreshRequest), isRequired: true },
    responses: { 200: { description: "New access and refresh token", body: named("SessionResponse", SessionResponse) } },
    problems: ["INVALID_REFRESH_TOKEN"],
  },
  {
    method: "delete",
    path: "/sessions/current",
    operationId: "signOut",
    summary: "Sign out: revoke this session and release its device's seats",
    tag: "Sessions",
    isAuthenticated: true,
    responses: { 204: { description: "Signed out" } },
    problems: [],
  },
  {
    method: "post",
    path: "/activations",
    operationId: "activate",
    summary: "Activate a desktop license on this machine and get a signed license file (R3, R4, R22)",
    tag: "Activations",
    isAuthenticated: true,
    requestBody: { ...named("ActivationRequest", ActivationRequest), isRequired: true },
    responses: {
      201: { description: "Activated on this machine", body: named("ActivationResponse", ActivationResponse) },
      200: {
        description: "Already active on this machine: the same activation, a renewed license file",
        body: named("ActivationResponse", ActivationResponse),
      },
    },
    problems: ["INVALID_ACTIVATION_KEY", "NOT_ASSIGNED", "LICENSE_NOT_VALID", "ACTIVATION_LIMIT"],
  },
  {
    method: "delete",
    path: "/activations/{id}",
    operationId: "deactivate",
    summary: "Remove the license from this machine (R4)",
    tag: "Activations",
    isAuthenticated: true,
    responses: { 204: { description: "Deactivated (or already)" } },
    problems: ["NOT_FOUND"],
  },
  {
    method: "post",
    path: "/leases",
    operationId: "takeLease",
    summary: "Take a floating seat for this machine for one hour (R5, R25)",
    tag: "Leases",
    isAuthenticated: true,
    requestBody: { ...named("LeaseRequest", LeaseRequest), isRequired: true },
    responses: {
      201: { description: "A new seat", body: named("LeaseResponse", LeaseResponse) },
      200: { description: "This user and machine already held a seat: extended", body: named("LeaseResponse", LeaseResponse) },
    },
    problems: ["NOT_FOUND", "NOT_ASSIGNED", "NOT_ACTIVATED", "LICENSE_NOT_VALID", "NO_SEAT_AVAILABLE"],
  },
  {
    method: "post",
    path: "/leases/{id}/heartbeat",
    operationId: "heartbeatLease",
    summary: "Extend a seat by one hour while the software is in use (R5)",
    description: "A lease whose hour has passed is renewed if a seat is still free, else 410 LEASE_EXPIRED.",
    tag: "Leases",
    isAuthenticated: true,
    requestBody: { ...named("HeartbeatRequest", HeartbeatRequest), isRequired: false },
    responses: { 200: { description: "Extended", body: named("LeaseResponse", HeartbeatResponse) } },
    problems: ["FORBIDDEN", "NOT_FOUND", "NOT_ASSIGNED", "NOT_ACTIVATED", "LICENSE_NOT_VALID", "LEASE_EXPIRED"],
  },
  {
    method: "delete",
    path: "/leases/{id}",
    operationId: "releaseLease",
    summary: "Release a seat (R2, R5)",
    tag: "Leases",
    isAuthenticated: true,
    responses: { 204: { description: "Released (or already)" } },
    problems: ["NOT_FOUND"],
  },
  {
    method: "get",
    path: "/entitlements",
    operationId: "entitlements",
    summary: "What the user may use in their current company (R23)",
    tag: "Entitlements",
    isAuthenticated: true,
    responses: { 200: { description: "My software", body: named("EntitlementsResponse", EntitlementsResponse) } },
    problems: [],
  },
  {
    method: "get",
    path: "/signing-keys",
    operationId: "signingKeys",
    summary: "The public keys (JWKS) that verify license files, lease receipts and launch tokens offline (R30)",
    tag: "Keys",
    isAuthenticated: false,
    responses: {
      200: { description: "JSON Web Key Set", body: named("JwksResponse", JwksResponse), contentType: "application/jwk-set+json" },
    },
    problems: [],
  },
];

/** R2: a web application keeps or frees its floating seat; the launch token's ids are the capability. */
const webSessionOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/web-sessions",
    operationId: "startWebSession",
    summary: "Redeem a launch token, once, before trusting it",
    description:
      "Called by the web application's server with the token /launch handed it. A second redemption of the same token is refused.",
    tag: "Web sessions",
    isAuthenticated: false,
    requestBody: { ...named("WebSessionStart", WebSessionStart), isRequired: true },
    responses: { 201: { description: "Redeemed", body: named("WebSessionStarted", WebSessionStarted) } },
    problems: ["UNAUTHENTICATED", "CONFLICT"],
  },
  {
    method: "post",
    path: "/web-sessions/status",
    operationId: "checkWebSession",
    summary: "Whether the user who opened the software is still signed in to the portal",
    tag: "Web sessions",
    isAuthenticated: false,
    requestBody: { ...named("WebSessionStatusRequest", WebSessionStatusRequest), isRequired: true },
    responses: { 204: { description: "Still signed in" } },
    problems: ["UNAUTHENTICATED"],
  },
  {
    method: "post",
    path: "/web-sessions/heartbeat",
    operationId: "keepWebSessionAlive",
    summary: "Keep a web application's floating seat for another hour (R2)",
    description: "No bearer token: the lease id and browser session id from the launch token name the seat.",
    tag: "Web sessions",
    isAuthenticated: false,
    requestBody: { ...named("WebSessionRequest", WebSessionRequest), isRequired: true },
    responses: { 200: { description: "Extended", body: named("WebSessionHeartbeatResponse", WebSessionHeartbeatResponse) } },
    problems: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "NOT_ASSIGNED", "LICENSE_NOT_VALID", "LEASE_EXPIRED"],
  },
  {
    method: "delete",
    path: "/web-sessions",
    operationId: "endWebSession",
    summary: 'Free a web application\'s floating seat ("Log out", R2)',
    tag: "Web sessions",
    isAuthenticated: false,
    requestBody: { ...named("WebSessionRequest", WebSessionRequest), isRequired: true },
    responses: { 204: { description: "Released (or already)" } },
    problems: ["NOT_FOUND"],
  },
];

/** Every operation of /api/v1, as GET /api/v1/openapi.json describes them. */
export const apiOperations: ApiOperation[] = [...licensingApiOperations, ...webSessionOperations];
