import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USER_EMAIL } from "./support/demo";

test("GET /api/v1/health answers ok after reaching the database", async ({ request }) => {
  const response = await request.get("/api/v1/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("an unknown /api/v1 path answers 404 as problem+json", async ({ request }) => {
  const response = await request.get("/api/v1/no-such-route");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect(await response.json()).toMatchObject({ status: 404, title: "Not Found" });
});

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("the licensing API over HTTP: sign in → entitlements → problem+json on a bad body → refresh → sign out", async ({ request }) => {
  const signIn = await request.post("/api/v1/sessions", {
    data: { email: USER_EMAIL, password: DEMO_PASSWORD, client: "Playwright API smoke" },
  });
  expect(signIn.status()).toBe(201);
  expect(signIn.headers()["cache-control"]).toBe("no-store");
  const session = await signIn.json();
  expect(session).toMatchObject({ tokenType: "Bearer", expiresIn: 900, accessToken: expect.any(String), refreshToken: expect.any(String) });
  const authorization = { Authorization: `Bearer ${session.accessToken}` };

  const entitlements = await request.get("/api/v1/entitlements", { headers: authorization });
  expect(entitlements.status()).toBe(200);
  const body = await entitlements.json();
  expect(body.user.email).toBe(USER_EMAIL);
  expect(body.entitlements.length).toBeGreaterThan(0);

  const unknownField = await request.post("/api/v1/activations", {
    headers: { ...authorization, "Accept-Language": "en" },
    data: { activationKey: "X", fingerprint: "fingerprint-0123456789", hostname: "PC", admin: true },
  });
  expect(unknownField.status()).toBe(400);
  expect(unknownField.headers()["content-type"]).toContain("application/problem+json");
  expect(await unknownField.json()).toMatchObject({
    code: "INVALID_REQUEST",
    errors: expect.arrayContaining([{ field: "admin", message: "Unknown field" }]),
  });
  const notJson = await request.post("/api/v1/activations", {
    headers: { ...authorization, "Content-Type": "text/plain" },
    data: "activate please",
  });
  expect(notJson.status()).toBe(415);
  const oversized = await request.post("/api/v1/sessions", {
    headers: { "Content-Type": "application/json" },
    data: JSON.stringify({ email: "x".repeat(20_000) }),
  });
  expect(oversized.status()).toBe(400);
  expect((await request.get("/api/v1/entitlements")).status()).toBe(401);

  const refreshed = await request.post("/api/v1/sessions/refresh", { data: { refreshToken: session.refreshToken } });
  expect(refreshed.status()).toBe(200);
  const next = await refreshed.json();
  expect((await request.delete("/api/v1/sessions/current", { headers: { Authorization: `Bearer ${next.accessToken}` } })).status()).toBe(
    204,
  );
  expect((await request.get("/api/v1/entitlements", { headers: { Authorization: `Bearer ${next.accessToken}` } })).status()).toBe(401);
});

test("the public keys and the OpenAPI document are served", async ({ request }) => {
  const keys = await request.get("/api/v1/signing-keys");
  expect(keys.status()).toBe(200);
  expect((await keys.json()).keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
  const openApi = await request.get("/api/v1/openapi.json");
  expect(openApi.status()).toBe(200);
  const document = await openApi.json();
  expect(document.openapi).toBe("3.1.0");
  expect(document.paths).toHaveProperty("/leases/{id}/heartbeat");
});
