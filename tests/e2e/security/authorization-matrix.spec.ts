// The authorization matrix (docs/SECURITY.md, "Proof for every entry point"). Every page, route
// handler and server action of the app, called over HTTP by six callers — nobody, a holder of a
// signed-out (stale) cookie or a revoked API token, a USER member of company A, an ADMIN of A, an
// ADMIN of company B and back-office staff — against company A's resources, with the answer each
// must get. The inventory is read from the code (app/**/page.tsx, app/**/route.ts and their
// exported methods, the exported functions of app/**/actions.ts with their ids from the build's
// server-reference manifest), so a new page, route or action without a row here fails the first
// test. Besides the expected answer:
//   - no refused call writes anything (every table compared before and after, bar the ones that
//     record requests themselves),
//   - a caller outside company A never receives A's name, ids or people in any answer,
//   - the member never receives what only A's admins see (the invited contact),
//   - nothing answers 5xx.
// Allowed calls of rows that change things run last, in row order, so the refusals see the
// seeded state.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { DEMO_PASSWORD, signIn, STAFF_EMAIL, userMenuButton } from "../support/demo";
import { seedAuthorizationMatrix, type MatrixSeed } from "../support/security-companies";
import { actionManifest, actionOutcome, callAction, changedTables, databaseState, inventory } from "../support/server-actions";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const ROLES = ["anonymous", "stale", "member", "admin", "otherAdmin", "staff"] as const;
type Role = (typeof ROLES)[number];
/** Outside company A: must never see its data. */
const OUTSIDERS: Role[] = ["anonymous", "stale", "otherAdmin"];

// ------------------------------------------------------------------ answers

/** What a caller got, in words a row can name. */
type Outcome = string;
/** Answers that refuse the caller: a row's refused calls come first and must write nothing. */
const REFUSALS = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "sign-in", "404", "not-admin", "401", "403", "signed out"]);
const isRefusal = (expected: Outcome) => expected.split("|").some((outcome) => REFUSALS.has(outcome));
type Expected = Record<Role, Outcome>;

/** An expected answer names one outcome, or a few separated by "|". */
const matches = (expected: Outcome, actual: Outcome) => expected.split("|").includes(actual);

function pageOutcome(response: APIResponse, text: string): Outcome {
  const status = response.status();
  if (status >= 300 && status < 400) {
    const location = new URL(response.headers().location ?? "/", "http://app.invalid");
    return location.pathname === "/sign-in" ? "sign-in" : `redirect ${location.pathname}`;
  }
  // The heading of Software management's explanation for non-admins, not the messages the page carries.
  if (status === 200 && text.includes('<h1 id="not-software-admin"')) return "not-admin";
  return status === 200 ? "200" : status === 404 ? "404" : `HTTP ${status}`;
}

const apiOutcome = (response: APIResponse): Outcome => String(response.status());

// ------------------------------------------------------------------ callers

type Caller = { role: Role; request: APIRequestContext; bearer?: string };
let seed: MatrixSeed;
let callers: Caller[];
let fingerprints: Record<Role, string>;
let leaseId: string;

const headersOf = (caller: Caller): Record<string, string> => (caller.bearer ? { Authorization: `Bearer ${caller.bearer}` } : {});

async function signedInRequest(browser: Browser, email: string): Promise<APIRequestContext> {
  const page = await (await browser.newContext({ locale: "nl-NL" })).newPage();
  await signIn(page, email);
  return page.context().request;
}

async function apiToken(request: APIRequestContext, email: string, fingerprint: string): Promise<string> {
  const response = await request.post("/api/v1/sessions", {
    data: { email, password: DEMO_PASSWORD, client: "Matrix", device: { fingerprint, hostname: "MATRIX" } },
  });
  expect(response.status(), `API sign-in of ${email}`).toBe(201);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The data of A that no outsider may receive, and what only A's admins (and staff) see. */
const tenantMarkers = () => [
  seed.companyA.name,
  seed.companyA.id,
  seed.companyA.groupId,
  seed.licenses.floating,
  seed.licenses.nodeLocked,
  seed.emails.memberA,
  seed.emails.contactA,
];
function leaks(role: Role, text: string, requested: string): string[] {
  // What the caller sent (an id in the path, echoed in a sign-in link) is not A's to leak.
  if (OUTSIDERS.includes(role)) return tenantMarkers().filter((marker) => text.includes(marker) && !requested.includes(marker));
  if (role === "member") return [seed.emails.contactA, seed.emails.leaverA].filter((marker) => text.includes(marker));
  return [];
}

type Finding = { row: string; role: Role; expected: Outcome; actual: Outcome; problem?: string };

function report(findings: Finding[]): string {
  return findings
    .map(
      (finding) =>
        `${finding.row} as ${finding.role}: expected ${finding.expected}, got ${finding.actual}${finding.problem ? ` (${finding.problem})` : ""}`,
    )
    .join("\n");
}

// ------------------------------------------------------------------ rows

const everyone = (outcome: Outcome): Expected => Object.fromEntries(ROLES.map((role) => [role, outcome])) as Expected;
const signedIn = (outcome: Outcome, signedOut: Outcome): Expected => ({ ...everyone(outcome), anonymous: signedOut, stale: signedOut });

/** Pages, by route, with the path that names A's resources. */
const PAGE_ROWS: Record<string, { path: () => string; expected: Expected; machineLocal?: true }> = {
  "/": {
    path: () => "/",
    expected: {
      ...signedIn("redirect /my-software", "sign-in"),
      admin: "redirect /software-management",
      otherAdmin: "redirect /software-management",
      staff: "redirect /backoffice",
    },
  },
  "/change-company": { path: () => "/change-company", expected: signedIn("200", "sign-in") },
  "/downloads/[product]": { path: () => "/downloads/profis-detection-office", expected: signedIn("200", "sign-in") },
  "/launch/[product]/open": { path: () => "/launch/profis-engineering/open", expected: signedIn("200", "sign-in") },
  "/launch/[product]/unavailable": { path: () => "/launch/profis-engineering/unavailable", expected: signedIn("200", "sign-in") },
  "/my-software": { path: () => "/my-software", expected: signedIn("200", "sign-in") },
  "/profile": { path: () => "/profile", expected: signedIn("200", "sign-in") },
  "/shop": { path: () => "/shop", expected: signedIn("200", "sign-in") },
  "/shop/checkout": { path: () => "/shop/checkout", expected: signedIn("200", "sign-in") },
  "/shop/contact-sales": { path: () => "/shop/contact-sales", expected: signedIn("200", "sign-in") },
  "/shop/orders/[orderId]": { path: () => `/shop/orders/${seed.orderId}`, expected: { ...signedIn("404", "sign-in"), admin: "200" } },
  "/shop/orders/[orderId]/invoice": {
    path: () => `/shop/orders/${seed.orderId}/invoice`,
    expected: { ...signedIn("404", "sign-in"), admin: "200" },
  },
  "/software-management": {
    path: () => "/software-management",
    expected: { ...signedIn("200", "sign-in"), member: "not-admin", staff: "not-admin" },
  },
  "/software-management/[groupId]": {
    path: () => `/software-management/${seed.companyA.groupId}`,
    expected: { ...signedIn("404", "sign-in"), admin: "200" },
  },
  "/software-management/[groupId]/add-user": {
    path: () => `/software-management/${seed.companyA.groupId}/add-user`,
    expected: { ...signedIn("404", "sign-in"), admin: "200" },
  },
  "/software-management/audit": {
    path: () => "/software-management/audit",
    expected: { ...signedIn("200", "sign-in"), member: "not-admin", staff: "not-admin" },
  },
  "/software-management/orders": {
    path: () => "/software-management/orders",
    expected: { ...signedIn("200", "sign-in"), member: "not-admin", staff: "not-admin" },
  },
  "/software-management/users": {
    path: () => "/software-management/users",
    expected: { ...signedIn("200", "sign-in"), member: "not-admin", staff: "not-admin" },
  },
  // The web software's stand-in: without a launch token of its own it shows its start page, nothing of the portal.
  "/apps/[product]/workspace": { path: () => "/apps/profis-engineering/workspace", expected: everyone("200") },
  // The back office does not reveal itself (R31).
  "/backoffice": { path: () => "/backoffice", expected: { ...everyone("404"), staff: "200" } },
  "/backoffice/companies/new": { path: () => "/backoffice/companies/new", expected: { ...everyone("404"), staff: "200" } },
  "/backoffice/companies/[companyId]": {
    path: () => `/backoffice/companies/${seed.companyA.id}`,
    expected: { ...everyone("404"), staff: "200" },
  },
  "/backoffice/companies/[companyId]/audit": {
    path: () => `/backoffice/companies/${seed.companyA.id}/audit`,
    expected: { ...everyone("404"), staff: "200" },
  },
  "/backoffice/companies/[companyId]/licenses/[licenseId]": {
    path: () => `/backoffice/companies/${seed.companyA.id}/licenses/${seed.licenses.floating}`,
    expected: { ...everyone("404"), staff: "200" },
  },
  "/backoffice/orders": { path: () => "/backoffice/orders", expected: { ...everyone("404"), staff: "200" } },
  "/backoffice/sales-leads": { path: () => "/backoffice/sales-leads", expected: { ...everyone("404"), staff: "200" } },
  // Before sign-in: open to anyone; a signed-in visitor is sent on from sign-in and registration.
  "/sign-in": { path: () => "/sign-in", expected: signedIn("redirect /", "200") },
  "/register": { path: () => "/register", expected: signedIn("redirect /", "200") },
  "/forgot-password": { path: () => "/forgot-password", expected: everyone("200") },
  "/reset-password": { path: () => "/reset-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", expected: everyone("200") },
  "/verify-email": { path: () => "/verify-email?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", expected: everyone("200") },
  // Joining a company needs the invited person signed in.
  "/join": { path: () => "/join?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", expected: signedIn("200", "sign-in") },
  "/terms": { path: () => "/terms", expected: everyone("200") },
  // The demo's mailbox answers the machine itself whoever asks, and nobody else (dev-mailbox-exposure.spec.ts).
  // The matrix runs in the embedded project only (playwright.config.ts), where the demo mailbox exists.
  "/mailbox": { path: () => "/mailbox", expected: everyone("200"), machineLocal: true },
  "/mailbox/[id]": { path: () => `/mailbox/${randomUUID()}`, expected: everyone("404"), machineLocal: true },
};

type Call = (caller: Caller) => Promise<APIResponse>;
/** `auditsRefusals`: the refusal is written to the audit trail on purpose (failed sign-ins, activations refused by rule); nothing else. */
type RouteRow = {
  call: Call;
  expected: Expected;
  outcome?: (response: APIResponse) => Outcome | Promise<Outcome>;
  changes?: true;
  auditsRefusals?: true;
};
const get =
  (target: () => string, options: { headers?: Record<string, string> } = {}): Call =>
  (caller) =>
    caller.request.get(target(), { maxRedirects: 0, headers: { ...headersOf(caller), ...options.headers } });
const post =
  (target: () => string, data?: () => unknown): Call =>
  (caller) =>
    caller.request.post(target(), { maxRedirects: 0, headers: headersOf(caller), ...(data ? { data: data() } : {}) });
const del =
  (target: () => string, data?: () => unknown): Call =>
  (caller) =>
    caller.request.delete(target(), { maxRedirects: 0, headers: headersOf(caller), ...(data ? { data: data() } : {}) });
const launchOutcome = (response: APIResponse): Outcome => {
  const location = response.headers().location ?? "";
  if (/launch_token=/.test(location)) return "launched";
  return pageOutcome(response, "");
};
const standInState = async (response: APIResponse): Promise<Outcome> =>
  response.status() === 200 ? ((await response.json()) as { state: string }).state : `HTTP ${response.status()}`;
const FOREIGN_BROWSER_SESSION = "M".repeat(43);

/** Route handlers, by method and route. The API's callers carry their API token (the stale one revoked). */
const ROUTE_ROWS: Record<string, RouteRow> = {
  "GET /launch/[product]": {
    call: get(() => "/launch/profis-engineering", { headers: { "Sec-Fetch-Site": "same-origin" } }),
    outcome: launchOutcome,
    // R20: anyone signed in opens the web software (on their own seat, or a trial of their own).
    expected: signedIn("launched", "sign-in"),
  },
  // The installer is the vendor's public download (R21); the key to activate it is not.
  "GET /downloads/[product]/installer": {
    call: get(() => "/downloads/profis-detection-office/installer"),
    outcome: (response) => pageOutcome(response, ""),
    expected: everyone("200"),
  },
  "GET /software-management/[groupId]/export.csv": {
    call: get(() => `/software-management/${seed.companyA.groupId}/export.csv`),
    outcome: (response) => pageOutcome(response, ""),
    expected: { ...everyone("404"), admin: "200" },
  },
  "GET /software-management/audit/export.csv": {
    call: get(() => "/software-management/audit/export.csv"),
    outcome: (response) => pageOutcome(response, ""),
    // A download, not a page: a signed-out caller gets 404, not the sign-in page.
    expected: { ...everyone("404"), admin: "200", otherAdmin: "200" },
  },
  // The web software's stand-in (its own session, from a launch token): without a token it only shows its start page.
  "GET /apps/[product]": {
    call: get(() => "/apps/profis-engineering"),
    outcome: (response) => pageOutcome(response, ""),
    expected: everyone("redirect /apps/profis-engineering/workspace"),
  },
  "POST /apps/[product]/heartbeat": {
    call: post(() => "/apps/profis-engineering/heartbeat"),
    outcome: standInState,
    expected: everyone("signed-out"),
  },
  "POST /apps/[product]/logout": { call: post(() => "/apps/profis-engineering/logout"), outcome: apiOutcome, expected: everyone("303") },
  "GET /api/auth/[...nextauth]": { call: get(() => "/api/auth/session"), outcome: apiOutcome, expected: everyone("200") },
  // A sign-out without next-auth's CSRF token ends nothing: right after, the caller's portal page still answers.
  "POST /api/auth/[...nextauth]": {
    call: async (caller) => {
      await caller.request.post("/api/auth/signout", { maxRedirects: 0, data: {} });
      return caller.request.get("/my-software", { maxRedirects: 0 });
    },
    outcome: (response) => (response.status() === 200 ? "still signed in" : "signed out"),
    expected: signedIn("still signed in", "signed out"),
  },
  "GET /api/v1/health": { call: get(() => "/api/v1/health"), outcome: apiOutcome, expected: everyone("200") },
  "GET /api/v1/openapi.json": { call: get(() => "/api/v1/openapi.json"), outcome: apiOutcome, expected: everyone("200") },
  "GET /api/v1/signing-keys": { call: get(() => "/api/v1/signing-keys"), outcome: apiOutcome, expected: everyone("200") },
  "GET /api/v1/[...path]": { call: get(() => "/api/v1/licenses"), outcome: apiOutcome, expected: everyone("404") },
  "POST /api/v1/[...path]": {
    call: post(
      () => "/api/v1/licenses",
      () => ({}),
    ),
    outcome: apiOutcome,
    expected: everyone("404"),
  },
  "PUT /api/v1/[...path]": {
    call: (caller) => caller.request.put("/api/v1/licenses", { headers: headersOf(caller), data: {} }),
    outcome: apiOutcome,
    expected: everyone("404"),
  },
  "PATCH /api/v1/[...path]": {
    call: (caller) => caller.request.patch("/api/v1/licenses", { headers: headersOf(caller), data: {} }),
    outcome: apiOutcome,
    expected: everyone("404"),
  },
  "DELETE /api/v1/[...path]": { call: del(() => "/api/v1/licenses"), outcome: apiOutcome, expected: everyone("404") },
  // Credentials in the body: an unknown address is refused for everyone (a known one would count towards its lockout).
  "POST /api/v1/sessions": {
    call: (caller) =>
      caller.request.post("/api/v1/sessions", {
        headers: headersOf(caller),
        data: { email: `nobody-${seed.suffix}-${caller.role.toLowerCase()}@e2e.example`, password: "wrong-password", client: "Matrix" },
      }),
    outcome: apiOutcome,
    expected: everyone("401"),
    auditsRefusals: true,
  },
  "POST /api/v1/sessions/refresh": {
    call: post(
      () => "/api/v1/sessions/refresh",
      () => ({ refreshToken: `foreign-${seed.suffix}` }),
    ),
    outcome: apiOutcome,
    expected: everyone("401"),
  },
  "GET /api/v1/entitlements": { call: get(() => "/api/v1/entitlements"), outcome: apiOutcome, expected: signedIn("200", "401") },
  "POST /api/v1/activations": {
    call: (caller) =>
      caller.request.post("/api/v1/activations", {
        headers: headersOf(caller),
        data: { activationKey: seed.licenses.nodeLockedKey, fingerprint: fingerprints[caller.role], hostname: "MATRIX" },
      }),
    outcome: apiOutcome,
    // A's key activates only for whom it is assigned to (the member, on the machine it is bound to).
    expected: { ...signedIn("404", "401"), admin: "403", member: "200" },
    auditsRefusals: true,
  },
  "POST /api/v1/leases": {
    call: (caller) =>
      caller.request.post("/api/v1/leases", {
        headers: headersOf(caller),
        data: { licenseId: seed.licenses.floating, fingerprint: fingerprints[caller.role] },
      }),
    outcome: apiOutcome,
    expected: { ...signedIn("404", "401"), admin: "403", member: "200" },
  },
  "POST /api/v1/leases/[id]/heartbeat": {
    call: post(
      () => `/api/v1/leases/${leaseId}/heartbeat`,
      () => ({}),
    ),
    outcome: apiOutcome,
    expected: { ...signedIn("404", "401"), member: "200" },
  },
  "DELETE /api/v1/leases/[id]": {
    call: del(() => `/api/v1/leases/${leaseId}`),
    outcome: apiOutcome,
    expected: { ...signedIn("404", "401"), member: "204" },
    changes: true,
  },
  "DELETE /api/v1/activations/[id]": {
    call: del(() => `/api/v1/activations/${seed.activationId}`),
    outcome: apiOutcome,
    expected: { ...signedIn("404", "401"), member: "204" },
    changes: true,
  },
  // The web application's calls name a web session (its lease and browser session); a caller that holds none gets nothing.
  "POST /api/v1/web-sessions": {
    call: post(
      () => "/api/v1/web-sessions",
      () => ({ launchToken: `foreign.${seed.suffix}.token` }),
    ),
    outcome: apiOutcome,
    expected: everyone("401"),
  },
  "DELETE /api/v1/web-sessions": {
    call: del(
      () => "/api/v1/web-sessions",
      () => ({ leaseId, browserSessionId: FOREIGN_BROWSER_SESSION }),
    ),
    outcome: apiOutcome,
    expected: everyone("404"),
  },
  "POST /api/v1/web-sessions/heartbeat": {
    call: post(
      () => "/api/v1/web-sessions/heartbeat",
      () => ({ leaseId, browserSessionId: FOREIGN_BROWSER_SESSION }),
    ),
    outcome: apiOutcome,
    expected: everyone("404"),
  },
  "POST /api/v1/web-sessions/status": {
    call: post(
      () => "/api/v1/web-sessions/status",
      () => ({ browserSessionId: FOREIGN_BROWSER_SESSION }),
    ),
    outcome: apiOutcome,
    expected: everyone("401"),
  },
  // Last: the allowed calls sign the API callers out.
  "DELETE /api/v1/sessions/current": {
    call: del(() => "/api/v1/sessions/current"),
    outcome: apiOutcome,
    expected: signedIn("204", "401"),
    changes: true,
  },
};

const adminOfA = (allowed: Outcome): Expected => ({
  anonymous: "UNAUTHENTICATED",
  stale: "UNAUTHENTICATED",
  member: "FORBIDDEN",
  admin: allowed,
  otherAdmin: "NOT_FOUND",
  staff: "NOT_FOUND",
});
const staffOnly = (allowed: Outcome): Expected => ({ ...everyone("NOT_FOUND"), staff: allowed });
const anySignedIn = (allowed: Outcome): Expected => ({ ...everyone(allowed), anonymous: "UNAUTHENTICATED", stale: "UNAUTHENTICATED" });
const ownProfile = (role: Role) =>
  role === "staff"
    ? { title: "MR", firstName: "Lars", lastName: "Verkoop", position: "Backoffice" }
    : {
        title: "",
        firstName: role === "admin" ? "Beheerder" : role === "otherAdmin" ? "Ander" : "Lid",
        lastName: `Matrix ${seed.suffix}`,
        position: "",
      };
const TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** Server actions, by file and export, with an input that names A's resources. `changes`: the allowed call writes (run last). */
const ACTION_ROWS: Record<string, { input?: (role: Role) => unknown; expected: Expected; changes?: true }> = {
  // Before sign-in; the token, address or password is the credential.
  "app/actions.ts#setLanguageAction": { input: () => ({ language: "nl" }), expected: everyone("ok"), changes: true },
  // Counted per client address (10 an hour, decision 006): the matrix sends what every caller gets refused
  // alike before anything is counted, so the specs after it keep their allowance.
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": {
    input: () => ({ email: "geen-adres" }),
    expected: everyone("INVALID"),
  },
  "app/(auth)/sign-in/actions.ts#resendVerificationAction": { input: () => ({ email: "geen-adres" }), expected: everyone("INVALID") },
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": {
    input: () => ({ token: TOKEN, password: "Matrix-Wachtwoord-2026-lang" }),
    expected: everyone("INVALID"),
  },
  "app/(auth)/verify-email/actions.ts#activateAccountAction": {
    input: () => ({ token: TOKEN, language: "nl" }),
    expected: everyone("INVALID"),
  },
  "app/(auth)/register/actions.ts#registerAction": {
    input: () => ({ email: seed.emails.memberA, password: "Matrix-Wachtwoord-2026-lang", language: "nl" }),
    expected: everyone("INVALID"),
  },
  "app/(auth)/join/actions.ts#acceptMembershipInvitationAction": { input: () => ({ token: TOKEN }), expected: anySignedIn("NOT_FOUND") },
  "app/(auth)/sign-in/actions.ts#applySavedLanguageAction": { expected: anySignedIn("ok") },
  // The portal.
  "app/(portal)/change-company/actions.ts#changeCompanyAction": {
    input: () => ({ companyId: seed.companyA.id }),
    expected: { ...adminOfA("ok"), member: "ok" },
    changes: true,
  },
  "app/(portal)/shop/contact-sales/actions.ts#contactSalesAction": {
    input: () => ({ productCode: "PROFIS_ENGINEERING", companyName: seed.companyA.name, country: "NL", email: "", message: "" }),
    expected: anySignedIn("INVALID"),
  },
  "app/(portal)/shop/checkout/actions.ts#placeOrderAction": {
    input: () => ({
      buyer: "COMPANY",
      companyId: seed.companyA.id,
      lines: [],
      idempotencyKey: randomUUID(),
      paymentMethod: "INVOICE",
      billingStreet: "",
      billingPostalCode: "",
      billingCity: "",
    }),
    // Decision 011: a member hears whom to ask (ok: ADMIN_REQUIRED); an empty order is refused after authorization.
    expected: { ...adminOfA("INVALID"), member: "ok" },
  },
  // The caller's own record, saved as it is (the demo's staff keep their name for the specs after this one).
  "app/(portal)/profile/actions.ts#saveProfileAction": {
    input: (role) => ({ ...ownProfile(role), language: "nl" }),
    expected: anySignedIn("ok"),
    changes: true,
  },
  "app/(portal)/profile/actions.ts#changePasswordAction": {
    input: () => ({ currentPassword: "not-the-password", newPassword: "Matrix-Wachtwoord-2026-lang" }), // The current-password check is counted per client address across the whole run: it may be spent.
    expected: anySignedIn("INVALID|RATE_LIMITED"),
  },
  "app/(portal)/software-management/[groupId]/actions.ts#saveAssignmentsAction": {
    input: () => ({
      groupId: seed.companyA.groupId,
      expectedVersion: 0,
      changes: [{ licenseId: seed.licenses.named, userId: seed.userIds.memberA, assigned: false }],
    }),
    expected: adminOfA("CONFLICT"),
  },
  "app/(portal)/software-management/[groupId]/add-user/actions.ts#addUserAction": {
    input: () => ({ groupId: seed.companyA.groupId, email: seed.emails.memberA, withContact: false }),
    expected: adminOfA("ok"),
  },
  "app/(portal)/software-management/[groupId]/devices/actions.ts#deactivateDeviceAction": {
    input: () => ({ groupId: seed.companyA.groupId, activationId: seed.activationId, reason: "Matrix" }),
    expected: adminOfA("ok"),
    changes: true,
  },
  "app/(portal)/software-management/[groupId]/invitations/actions.ts#resendInvitationAction": {
    input: () => ({ groupId: seed.companyA.groupId, userId: seed.userIds.contactA }),
    expected: adminOfA("ok"),
    changes: true,
  },
  "app/(portal)/software-management/users/actions.ts#changeMemberRoleAction": {
    input: () => ({ companyId: seed.companyA.id, userId: seed.userIds.promotedA, role: "ADMIN" }),
    expected: adminOfA("ok"),
    changes: true,
  },
  // The back office (R31): NOT_FOUND to everyone else, signed in or not.
  "app/(backoffice)/backoffice/companies/new/actions.ts#createCompanyAction": {
    input: () => ({ name: "", country: "NL", sapAccountNumber: "" }),
    expected: staffOnly("INVALID"),
  },
  "app/(backoffice)/backoffice/companies/[companyId]/actions.ts#addCompanyAdminAction": {
    input: () => ({ companyId: seed.companyA.id, email: seed.emails.memberA }),
    expected: staffOnly("ok"),
    changes: true,
  },
  "app/(backoffice)/backoffice/companies/[companyId]/actions.ts#endMembershipAction": {
    input: () => ({ companyId: seed.companyA.id, userId: seed.userIds.leaverA }),
    expected: staffOnly("ok"),
    changes: true,
  },
  "app/(backoffice)/backoffice/companies/[companyId]/actions.ts#createLicenseGroupAction": {
    input: () => ({ companyId: seed.companyA.id, name: "" }),
    expected: staffOnly("INVALID"),
  },
  "app/(backoffice)/backoffice/companies/[companyId]/actions.ts#createLicenseAction": {
    input: () => ({
      companyId: seed.companyA.id,
      groupId: seed.companyA.groupId,
      productCode: "PROFIS_ENGINEERING",
      type: "NAMED_USER",
      edition: "STANDARD",
      seats: 0,
    }),
    expected: staffOnly("INVALID"),
  },
  "app/(backoffice)/backoffice/companies/[companyId]/licenses/[licenseId]/actions.ts#changeLicenseSeatsAction": {
    input: () => ({ licenseId: seed.licenses.floating, seats: 4, unassignUserIds: [], expectedVersion: 999 }),
    expected: staffOnly("CONFLICT"),
  },
  "app/(backoffice)/backoffice/companies/[companyId]/licenses/[licenseId]/actions.ts#changeLicenseValidityAction": {
    input: () => ({ kind: "end-now", licenseId: seed.licenses.floating, expectedVersion: 999 }),
    expected: staffOnly("CONFLICT"),
  },
  "app/(backoffice)/backoffice/orders/actions.ts#markOrderHandledAction": {
    input: () => ({ orderId: seed.orderId }),
    expected: staffOnly("ok"),
    changes: true,
  },
  "app/(backoffice)/backoffice/orders/actions.ts#markInvoicePaidAction": {
    input: () => ({ orderId: seed.orderId }),
    expected: staffOnly("ok"),
    changes: true,
  },
  "app/(backoffice)/backoffice/sales-leads/actions.ts#markSalesLeadHandledAction": {
    input: () => ({ salesLeadId: seed.salesLeadId }),
    expected: staffOnly("ok"),
    changes: true,
  },
  // Last: the allowed calls end every session of the caller.
  "app/(portal)/profile/actions.ts#signOutEverywhereAction": { expected: anySignedIn("ok"), changes: true },
};

// ------------------------------------------------------------------ the test

test("the inventory of pages, route handlers and server actions read from the code has a row for each, and every row names one", () => {
  expect(inventory.pages.length).toBeGreaterThan(30);
  expect(inventory.routes).toContain("DELETE /api/v1/leases/[id]");
  expect(inventory.actions).toContain("app/(portal)/software-management/[groupId]/actions.ts#saveAssignmentsAction");
  expect(
    inventory.pages.filter((page) => !(page in PAGE_ROWS)),
    "pages without a row",
  ).toEqual([]);
  expect(
    inventory.routes.filter((route) => !(route in ROUTE_ROWS)),
    "route handlers without a row",
  ).toEqual([]);
  expect(
    inventory.actions.filter((action) => !(action in ACTION_ROWS)),
    "server actions without a row",
  ).toEqual([]);
  expect(
    Object.keys(PAGE_ROWS).filter((page) => !inventory.pages.includes(page)),
    "rows of pages that do not exist",
  ).toEqual([]);
  expect(
    Object.keys(ROUTE_ROWS).filter((route) => !inventory.routes.includes(route)),
    "rows of routes that do not exist",
  ).toEqual([]);
  expect(
    Object.keys(ACTION_ROWS).filter((action) => !inventory.actions.includes(action)),
    "rows of actions that do not exist",
  ).toEqual([]);
  // Every exported action is reachable by its id (the build's manifest), which the matrix calls.
  const manifest = actionManifest();
  expect(
    inventory.actions.filter((action) => !manifest.has(action)),
    "actions without an id in the build",
  ).toEqual([]);
  // …and the build has no action the inventory misses (an inline "use server" function elsewhere).
  expect(
    [...manifest.keys()].filter((action) => !inventory.actions.includes(action)),
    "actions of the build outside app/**/actions.ts",
  ).toEqual([]);
});

test.describe("callers", () => {
  test.beforeAll(async ({ browser, playwright, baseURL }) => {
    test.setTimeout(180_000);
    seed = seedAuthorizationMatrix();
    const { suffix } = seed;
    fingerprints = Object.fromEntries(ROLES.map((role) => [role, `matrix-${suffix}-${role}`])) as Record<Role, string>;
    // The member's own fingerprint is the machine its node-locked license was activated on.
    fingerprints.member = `matrix-${suffix}-fingerprint`;

    // A cookie copied before its owner signed out, and an API token revoked by its owner.
    const staleContext = await browser.newContext({ locale: "nl-NL" });
    const stalePage = await staleContext.newPage();
    await signIn(stalePage, seed.emails.memberA);
    const copied = (await staleContext.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
    await userMenuButton(stalePage).click();
    await stalePage.getByRole("button", { name: "Uitloggen" }).click();
    await expect(stalePage).toHaveURL(/\/sign-in/);
    const staleRequest = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: copied } });
    const revoked = await apiToken(staleRequest, seed.emails.memberA, `matrix-${suffix}-revoked`);
    expect((await staleRequest.delete("/api/v1/sessions/current", { headers: { Authorization: `Bearer ${revoked}` } })).status()).toBe(204);

    const member = await signedInRequest(browser, seed.emails.memberA);
    const admin = await signedInRequest(browser, seed.emails.adminA);
    const otherAdmin = await signedInRequest(browser, seed.emails.adminB);
    const staff = await signedInRequest(browser, STAFF_EMAIL);
    callers = [
      { role: "anonymous", request: await playwright.request.newContext({ baseURL }) },
      { role: "stale", request: staleRequest, bearer: revoked },
      { role: "member", request: member, bearer: await apiToken(member, seed.emails.memberA, fingerprints.member) },
      { role: "admin", request: admin, bearer: await apiToken(admin, seed.emails.adminA, fingerprints.admin) },
      { role: "otherAdmin", request: otherAdmin, bearer: await apiToken(otherAdmin, seed.emails.adminB, fingerprints.otherAdmin) },
      { role: "staff", request: staff, bearer: await apiToken(staff, STAFF_EMAIL, fingerprints.staff) },
    ];
    // The member's desktop application holds a floating seat of A (its key activated on the machine first).
    const memberCaller = callers.find((caller) => caller.role === "member")!;
    expect(
      (
        await member.post("/api/v1/activations", {
          headers: headersOf(memberCaller),
          data: { activationKey: seed.licenses.floatingKey, fingerprint: fingerprints.member, hostname: "MATRIX" },
        })
      ).status(),
    ).toBeLessThan(300);
    const lease = await member.post("/api/v1/leases", {
      headers: headersOf(memberCaller),
      data: { licenseId: seed.licenses.floating, fingerprint: fingerprints.member },
    });
    expect(lease.status()).toBe(201);
    leaseId = ((await lease.json()) as { id: string }).id;
    expect(leaseId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("every page answers each caller as its row says and shows company A's data to nobody outside it", async () => {
    const findings: Finding[] = [];
    for (const [route, row] of Object.entries(PAGE_ROWS)) {
      for (const caller of callers) {
        const response = await caller.request.get(row.path(), { maxRedirects: 0 });
        const text = await response.text();
        const actual = pageOutcome(response, text);
        const leaked = row.machineLocal ? [] : leaks(caller.role, text, row.path());
        if (!matches(row.expected[caller.role], actual) || leaked.length > 0)
          findings.push({
            row: route,
            role: caller.role,
            expected: row.expected[caller.role],
            actual,
            problem: leaked.length ? `shows ${leaked.join(", ")}` : undefined,
          });
      }
    }
    expect(report(findings)).toBe("");
  });

  test("every route handler answers each caller as its row says; a refusal writes nothing and shows nothing of A", async () => {
    const findings: Finding[] = [];
    const allowedLater: [string, RouteRow, Caller][] = [];
    const check = async (route: string, row: RouteRow, caller: Caller) => {
      const expected = row.expected[caller.role];
      const response = await row.call(caller);
      const text = await response.text();
      const actual = await (row.outcome ?? apiOutcome)(response);
      const leaked = leaks(caller.role, text, decodeURIComponent(response.url()));
      if (!matches(expected, actual) || leaked.length > 0)
        findings.push({
          row: route,
          role: caller.role,
          expected,
          actual,
          problem: leaked.length ? `shows ${leaked.join(", ")}` : text.slice(0, 200),
        });
    };
    for (const [route, row] of Object.entries(ROUTE_ROWS)) {
      // The refused calls first, with the database compared around them; then the allowed ones.
      const isRefused = (caller: Caller) => isRefusal(row.expected[caller.role]);
      const before = await databaseState();
      for (const caller of callers.filter(isRefused)) await check(route, row, caller);
      const changed = changedTables(before, await databaseState()).filter((table) => !(row.auditsRefusals && table === "AuditEvent"));
      if (changed.length > 0)
        findings.push({ row: route, role: "anonymous", expected: "no write by a refusal", actual: `changed ${changed.join(", ")}` });
      for (const caller of callers.filter((caller) => !isRefused(caller))) {
        if (row.changes) allowedLater.push([route, row, caller]);
        else await check(route, row, caller);
      }
    }
    for (const [route, row, caller] of allowedLater) await check(route, row, caller);
    expect(report(findings)).toBe("");
  });

  test("every server action answers each caller as its row says; a refusal writes nothing", async () => {
    const findings: Finding[] = [];
    const allowedLater: [string, Caller][] = [];
    const params: Record<string, string> = {
      groupId: seed.companyA.groupId,
      companyId: seed.companyA.id,
      licenseId: seed.licenses.floating,
      orderId: seed.orderId,
      product: "profis-engineering",
    };
    const call = async (key: string, caller: Caller): Promise<{ actual: Outcome; text: string }> => {
      const row = ACTION_ROWS[key]!;
      const { response, text } = await callAction(caller.request, key, row.input ? [row.input(caller.role)] : [], params);
      return { actual: actionOutcome(response, text), text };
    };
    for (const [key, row] of Object.entries(ACTION_ROWS)) {
      const before = await databaseState();
      for (const caller of callers) {
        const expected = row.expected[caller.role];
        if (row.changes && !isRefusal(expected)) {
          allowedLater.push([key, caller]);
          continue;
        }
        const { actual, text } = await call(key, caller);
        const leaked = leaks(caller.role, text, JSON.stringify(row.input?.(caller.role) ?? null));
        if (!matches(expected, actual) || leaked.length > 0)
          findings.push({
            row: key,
            role: caller.role,
            expected,
            actual,
            problem: leaked.length ? `shows ${leaked.join(", ")}` : undefined,
          });
      }
      const changed = changedTables(before, await databaseState());
      // Rows whose every call is refused or harmless write nothing at all; the others only later.
      if (changed.length > 0)
        findings.push({
          row: key,
          role: "anonymous",
          expected: "no write before the allowed call",
          actual: `changed ${changed.join(", ")}`,
        });
    }
    for (const [key, caller] of allowedLater) {
      const { actual } = await call(key, caller);
      if (!matches(ACTION_ROWS[key]!.expected[caller.role], actual))
        findings.push({ row: key, role: caller.role, expected: ACTION_ROWS[key]!.expected[caller.role], actual });
    }
    expect(report(findings)).toBe("");
  });
});
