// The API platform (R30): problem+json with stable codes and a detail in the caller's language,
// strict bodies that change nothing when refused, bearer tokens (401), no caching, unknown paths,
// entitlements of the current company, the JWKS and the OpenAPI document.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { setCurrentCompany } from "@/lib/accounts/set-current-company";
import { db } from "@/lib/db/client";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { signToken } from "@/lib/signing/signed-tokens";
import { API_AUDIENCE } from "@/lib/signing/token-types";
import { MAX_REQUEST_BODY_BYTES, Problem, problemStatus } from "@/lib/licensing-api/contract";
import { GET as unknownPath } from "@/app/api/v1/[...path]/route";
import { POST as activate } from "@/app/api/v1/activations/route";
import { GET as entitlements } from "@/app/api/v1/entitlements/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { POST as signInRoute } from "@/app/api/v1/sessions/route";
import { GET as signingKeys } from "@/app/api/v1/signing-keys/route";
import { createTestAccount, createTestTenant, TEST_PASSWORD } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { assign, call, desktopLicense, fingerprintOf, signIn, useRouteClock } from "./api-test-kit";

useTestDatabase();
const clock = useRouteClock();

test("problems are RFC 9457 documents with the contract's code, a detail in the Accept-Language (nl default), and no caching", async () => {
  const english = await call(entitlements, { method: "GET", headers: { "Accept-Language": "fr-FR, en-GB;q=0.8, nl;q=0.5" } });
  expect(english.status).toBe(401);
  expect(english.headers.get("content-type")).toBe("application/problem+json");
  expect(english.headers.get("cache-control")).toBe("no-store");
  expect(english.headers.get("content-language")).toBe("en");
  expect(english.headers.get("www-authenticate")).toMatch(/^Bearer /);
  expect(Problem.parse(english.body)).toMatchObject({
    type: "about:blank",
    title: "Unauthorized",
    status: 401,
    code: "UNAUTHENTICATED",
    detail: expect.stringMatching(/sign in/i),
  });
  const dutch = await call(entitlements, { method: "GET" });
  expect(dutch.body.detail).toMatch(/Meld u opnieuw aan/);
  expect((await call(entitlements, { method: "GET", headers: { "Accept-Language": "en;q=0, nl" } })).body.detail).toMatch(/Meld u/);
});

test("no token, a malformed one, a forged one and a token of another kind are all 401 UNAUTHENTICATED", async () => {
  const user = await createTestAccount();
  const session = await signIn(user);
  const [header, payload] = session.accessToken.split(".");
  const forgedPayload = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), sub: (await createTestAccount()).id }),
  ).toString("base64url");
  const licenseFileKind = await signToken({
    kind: "licenseFile",
    subject: user.id,
    audience: API_AUDIENCE,
    claims: { sid: "x", ver: 0 },
    clock,
  });
  for (const authorization of [
    "",
    "Bearer",
    "Basic dXNlcjpwYXNz",
    "Bearer not-a-jwt",
    `Bearer ${header}.${forgedPayload}.${session.accessToken.split(".")[2]}`,
    `Bearer ${licenseFileKind}`,
  ]) {
    const answer = await call(entitlements, { method: "GET", headers: authorization ? { Authorization: authorization } : {} });
    expect(answer.status, authorization.slice(0, 30)).toBe(401);
    expect(answer.body.code).toBe("UNAUTHENTICATED");
  }
  expect((await call(entitlements, { method: "GET", headers: { Authorization: `bearer ${session.accessToken}` } })).status).toBe(200);
});

test("bodies: over the size limit counted on the bytes received (even without or with a lying Content-Length), not UTF-8, or with a charset other than UTF-8 are refused before anything changes", async () => {
  const tenant = await createTestTenant();
  const { key, users } = await desktopLicense(tenant, "NODE_LOCKED");
  const { accessToken } = await signIn(users[0]!);
  const valid = JSON.stringify({ activationKey: key, fingerprint: fingerprintOf("pc"), hostname: "PC" });
  const padded = valid.replace("{", `{${" ".repeat(MAX_REQUEST_BODY_BYTES)}`);
  const stream = (text: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        for (let offset = 0; offset < bytes.length; offset += 4096) controller.enqueue(bytes.slice(offset, offset + 4096));
        controller.close();
      },
    });
  const tooLarge = await call(activate, { token: accessToken, raw: stream(padded), contentType: "application/json" });
  expect(tooLarge).toMatchObject({
    status: 400,
    body: { code: "INVALID_REQUEST", errors: [{ field: "", message: expect.stringContaining(String(MAX_REQUEST_BODY_BYTES)) }] },
  });
  expect(
    (await call(activate, { token: accessToken, raw: padded, contentType: "application/json", headers: { "Content-Length": "10" } }))
      .status,
  ).toBe(400);
  expect(
    (await call(activate, { token: accessToken, raw: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), contentType: "application/json" })).status,
  ).toBe(400);
  expect((await call(activate, { token: accessToken, raw: valid, contentType: "application/json; charset=latin1" })).status).toBe(415);
  expect(await db().activation.count({ where: { userId: users[0]!.id } })).toBe(0);
  // The same body within the limit, as +json with charset: accepted.
  expect((await call(activate, { token: accessToken, raw: valid, contentType: "application/vnd.api+json; charset=UTF-8" })).status).toBe(
    201,
  );
});

test("field errors name every wrong field, nested ones with a dotted path, in the caller's language", async () => {
  const answer = await call(signInRoute, {
    json: { email: "a@b.c", password: "x", client: "x", device: { fingerprint: "short", hostname: "PC", serial: 1 } },
    headers: { "Accept-Language": "en" },
  });
  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual(
    expect.arrayContaining([
      { field: "device.fingerprint", message: expect.any(String) },
      { field: "device.serial", message: "Unknown field" },
    ]),
  );
  const dutch = await call(signInRoute, { json: { email: "a@b.c", password: "x", client: "x", extra: 1 } });
  expect(dutch.body.errors).toEqual([{ field: "extra", message: "Onbekend veld" }]);
});

test("an unknown /api/v1 path is a 404 problem", async () => {
  const answer = await call(unknownPath, { method: "GET", path: "/no-such-thing", params: { path: ["no-such-thing"] } });
  expect(answer).toMatchObject({ status: 404, body: { code: "NOT_FOUND", status: 404 } });
});

test("R23/R11: entitlements list what the user may use now in the current company: desktop keys, web launch URLs; not another company's", async () => {
  const dutch = await createTestTenant();
  const belgian = await createTestTenant({ country: "BE" });
  const { license: nodeLocked, key, users } = await desktopLicense(dutch, "NODE_LOCKED");
  const user = users[0]!;
  const web = await dutch.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 2);
  const revoked = await dutch.addLicense("PROFIS_DETECTION_OFFICE", "FLOATING", 2);
  await assign(dutch, web.id, [user]);
  await assign(dutch, revoked.id, [user]);
  await assign(dutch, revoked.id, [user], false);
  await addCompanyMember({ actor: belgian.admin, companyId: belgian.company.id, email: user.email });
  const belgianLicense = await belgian.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 1);
  await assign(belgian, belgianLicense.id, [user]);
  await setCurrentCompany({ actor: user, companyId: dutch.company.id });

  const { accessToken } = await signIn(user);
  const answer = await call(entitlements, { method: "GET", token: accessToken });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  expect(answer.body.company).toEqual({ id: dutch.company.id, name: dutch.company.name, country: "NL" });
  expect(answer.body.user).toMatchObject({ id: user.id, email: user.email });
  const byLicense = Object.fromEntries(
    answer.body.entitlements.map((entitlement: { licenseId: string }) => [entitlement.licenseId, entitlement]),
  );
  expect(Object.keys(byLicense).sort()).toEqual([nodeLocked.id, web.id].sort());
  expect(byLicense[nodeLocked.id]).toMatchObject({
    productKind: "DESKTOP",
    licenseType: "NODE_LOCKED",
    activationKey: key,
    launchUrl: null,
  });
  expect(byLicense[web.id]).toMatchObject({
    productKind: "WEB",
    licenseType: "NAMED_USER",
    activationKey: null,
    launchUrl: expect.any(String),
  });

  // "Change company" switches what the API shows too (R11).
  await setCurrentCompany({ actor: user, companyId: belgian.company.id });
  const belgianAnswer = await call(entitlements, { method: "GET", token: accessToken });
  expect(belgianAnswer.body.company.id).toBe(belgian.company.id);
  expect(belgianAnswer.body.entitlements.map((entitlement: { licenseId: string }) => entitlement.licenseId)).toEqual([belgianLicense.id]);

  const loner = await signIn(await createTestAccount());
  expect((await call(entitlements, { method: "GET", token: loner.accessToken })).body).toMatchObject({ company: null, entitlements: [] });
});

test("R30: the signing keys are a public JWKS that caches may keep a few minutes", async () => {
  const answer = await call(signingKeys, { method: "GET" });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("cache-control")).toBe("public, max-age=300");
  expect(answer.body.keys[0]).toMatchObject({
    kty: "OKP",
    crv: "Ed25519",
    alg: "EdDSA",
    use: "sig",
    kid: expect.any(String),
    x: expect.any(String),
  });
  expect(answer.body.keys[0]).not.toHaveProperty("d");
});

/** Routes that are not operations of the API: the catch-all (404 problem), the document itself, the load balancer's health check (docs/OPERATIONS.md). */
const NOT_OPERATIONS = new Set(["/[...path]", "/openapi.json", "/health"]);

/** "METHOD /path/{param}" of every route handler under app/api/v1, read from the files. */
function apiRouteTree(): string[] {
  const root = path.join("app", "api", "v1");
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .flatMap((file) => {
      const route = `/${path.dirname(file).split(path.sep).join("/")}`;
      if (NOT_OPERATIONS.has(route)) return [];
      const source = readFileSync(path.join(root, file), "utf8");
      const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (match) => match[1]!,
      );
      return methods.map((method) => `${method} ${route.replace(/\[(\w+)\]/g, "{$1}")}`);
    });
}

test("the OpenAPI 3.1 document describes every route with its bodies, the bearer scheme and every problem code it may answer", async () => {
  const answer = await call(openApi, { method: "GET" });
  expect(answer.status).toBe(200);
  const document = answer.body;
  expect(document.openapi).toBe("3.1.0");
  // Every method of every route under app/api/v1 is in the document, and nothing else is.
  const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(documented.sort()).toEqual(apiRouteTree().sort());
  expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  expect(document.components.schemas.SignInRequest).toMatchObject({
    type: "object",
    additionalProperties: false,
    required: expect.arrayContaining(["email", "password", "client"]),
  });
  expect(document.components.schemas.Problem.properties.code.enum.sort()).toEqual(Object.keys(problemStatus).sort());
  const takeLease = document.paths["/leases"].post;
  expect(takeLease.security).toEqual([{ bearerAuth: [] }]);
  expect(takeLease.responses["409"]["x-problem-codes"]).toEqual(["NO_SEAT_AVAILABLE"]);
  expect(takeLease.responses["403"]["x-problem-codes"]).toEqual(["NOT_ASSIGNED", "NOT_ACTIVATED", "LICENSE_NOT_VALID"]);
  expect(Object.keys(takeLease.responses)).toEqual(expect.arrayContaining(["200", "201", "400", "401", "415", "500"]));
  expect(document.paths["/leases/{id}/heartbeat"].post.parameters).toEqual([
    { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
  ]);
  // Every $ref points at a schema that exists.
  for (const [, name] of JSON.stringify(document).matchAll(/"#\/components\/schemas\/(\w+)"/g))
    expect(document.components.schemas).toHaveProperty(name!);
});

test("sign-in failures are audited as the portal's are, without the password", async () => {
  const user = await createTestAccount();
  await call(signInRoute, { json: { email: user.email, password: "wrong-password-123", client: "x" } });
  const events = await db().auditEvent.findMany({ where: { subjectUserId: user.id } });
  expect(events.map((event) => event.action)).toEqual(["auth.sign-in-failed"]);
  expect(JSON.stringify(events)).not.toContain("wrong-password-123");
  expect(JSON.stringify(events)).not.toContain(TEST_PASSWORD);
});
