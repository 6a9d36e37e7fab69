// R5/R22: API sessions: sign-in (rate limited like the portal's), refresh-token rotation and reuse
// detection (also under a race), sign-out, and the ways a session ends (decision 010).
import { expect, test } from "vitest";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { db } from "@/lib/db/client";
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_MS } from "@/lib/licensing-api/contract";
import { POST as activate } from "@/app/api/v1/activations/route";
import { GET as entitlements } from "@/app/api/v1/entitlements/route";
import { POST as takeLease } from "@/app/api/v1/leases/route";
import { POST as refresh } from "@/app/api/v1/sessions/refresh/route";
import { DELETE as signOut } from "@/app/api/v1/sessions/current/route";
import { POST as signInRoute } from "@/app/api/v1/sessions/route";
import { createTestAccount, createTestTenant, TEST_PASSWORD } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { call, desktopLicense, fingerprintOf, MINUTE, signIn, useRouteClock } from "./api-test-kit";

useTestDatabase();
const clock = useRouteClock();

test("R5: sign-in answers 201 with a bearer access token, its lifetime and a 30-day refresh token; only the token's hash is stored", async () => {
  const user = await createTestAccount();
  const answer = await call(signInRoute, {
    path: "/sessions",
    json: { email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD, client: "PROFIS Layout Office 3.2" },
  });
  expect(answer.status).toBe(201);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  expect(answer.body).toMatchObject({
    tokenType: "Bearer",
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenExpiresAt: new Date(clock.now().getTime() + REFRESH_TOKEN_TTL_MS).toISOString(),
  });
  const stored = await db().refreshToken.findMany({ where: { userId: user.id } });
  expect(stored).toHaveLength(1);
  expect(stored[0]!.tokenHash).not.toContain(answer.body.refreshToken);
  expect(JSON.stringify(stored)).not.toContain(answer.body.refreshToken.split(".")[1]);
  expect(await db().auditEvent.count({ where: { action: "api.signed-in", actorId: user.id } })).toBe(1);
  expect((await call(entitlements, { method: "GET", token: answer.body.accessToken })).status).toBe(200);
});

test("a wrong password or unknown address is 401 INVALID_CREDENTIALS without saying which; the fifth failure locks the account with 429 and Retry-After", async () => {
  const user = await createTestAccount();
  const unknown = await call(signInRoute, { json: { email: "nobody@test.example", password: "whatever", client: "x" } });
  expect(unknown).toMatchObject({ status: 401, body: { code: "INVALID_CREDENTIALS", status: 401 } });
  for (let attempt = 1; attempt <= 4; attempt++) {
    expect((await call(signInRoute, { json: { email: user.email, password: "wrong", client: "x" } })).body.code).toBe(
      "INVALID_CREDENTIALS",
    );
  }
  const locked = await call(signInRoute, { json: { email: user.email, password: "wrong", client: "x" } });
  expect(locked).toMatchObject({ status: 429, body: { code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) } });
  expect(Number(locked.headers.get("retry-after"))).toBe(locked.body.retryAfterSeconds);
  // Locked: even the right password waits, like the portal's sign-in.
  expect((await call(signInRoute, { json: { email: user.email, password: TEST_PASSWORD, client: "x" } })).status).toBe(429);
  expect(await db().refreshToken.count({ where: { userId: user.id } })).toBe(0);
});

test("an account whose email is not verified yet gets 403 EMAIL_NOT_VERIFIED, only with the right password", async () => {
  const user = await createTestAccount();
  await db().user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
  expect((await call(signInRoute, { json: { email: user.email, password: TEST_PASSWORD, client: "x" } })).body.code).toBe(
    "EMAIL_NOT_VERIFIED",
  );
  expect((await call(signInRoute, { json: { email: user.email, password: "wrong", client: "x" } })).body.code).toBe("INVALID_CREDENTIALS");
});

test("R5: a refresh token is single use: refreshing rotates it; presenting the used one again revokes the whole session (audited)", async () => {
  const user = await createTestAccount();
  const first = await signIn(user);
  clock.advance(10 * MINUTE);
  const second = await call(refresh, { json: { refreshToken: first.refreshToken } });
  expect(second.status).toBe(200);
  // The family keeps its original end: the login is remembered 30 days from the password.
  expect(second.body.refreshTokenExpiresAt).toBe(first.refreshTokenExpiresAt);
  expect(second.body.refreshToken).not.toBe(first.refreshToken);
  const third = await call(refresh, { json: { refreshToken: second.body.refreshToken } });
  expect(third.status).toBe(200);

  // The second token again: reuse. Every token of the session stops working, access tokens too.
  const reused = await call(refresh, { json: { refreshToken: second.body.refreshToken } });
  expect(reused).toMatchObject({ status: 401, body: { code: "INVALID_REFRESH_TOKEN" } });
  expect((await call(refresh, { json: { refreshToken: third.body.refreshToken } })).body.code).toBe("INVALID_REFRESH_TOKEN");
  expect((await call(entitlements, { method: "GET", token: third.body.accessToken })).body.code).toBe("UNAUTHENTICATED");
  expect(await db().refreshToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  expect(await db().auditEvent.count({ where: { action: "api.refresh-token-reused", subjectUserId: user.id } })).toBe(1);
  // Another session of the same user is untouched.
  const other = await signIn(user);
  expect((await call(refresh, { json: { refreshToken: other.refreshToken } })).status).toBe(200);
});

test("R5: of 10 concurrent refreshes with the same token at most one succeeds, and the losers' reuse revokes the session", async () => {
  const user = await createTestAccount();
  const session = await signIn(user);
  const answers = await Promise.all(Array.from({ length: 10 }, () => call(refresh, { json: { refreshToken: session.refreshToken } })));
  expect(answers.filter((answer) => answer.status === 200).length).toBeLessThanOrEqual(1);
  for (const answer of answers) if (answer.status !== 200) expect(answer.body.code).toBe("INVALID_REFRESH_TOKEN");
  // Exactly one successor was ever issued, and the family is revoked.
  expect(await db().refreshToken.count({ where: { userId: user.id } })).toBeLessThanOrEqual(2);
  expect(await db().refreshToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
}, 30_000);

test("R5: the access token lasts 15 minutes and the refresh token 30 days (fixed clock)", async () => {
  const user = await createTestAccount();
  const session = await signIn(user);
  clock.advance(ACCESS_TOKEN_TTL_SECONDS * 1000 - 1000);
  expect((await call(entitlements, { method: "GET", token: session.accessToken })).status).toBe(200);
  clock.advance(2000);
  expect((await call(entitlements, { method: "GET", token: session.accessToken })).body.code).toBe("UNAUTHENTICATED");

  clock.advance(REFRESH_TOKEN_TTL_MS);
  expect((await call(refresh, { json: { refreshToken: session.refreshToken } })).body.code).toBe("INVALID_REFRESH_TOKEN");
  // An expired token is not reuse: nothing recorded.
  expect(await db().auditEvent.count({ where: { action: "api.refresh-token-reused", subjectUserId: user.id } })).toBe(0);
});

test("a password change or 'sign out everywhere' (session version) ends API sessions: access and refresh tokens", async () => {
  const user = await createTestAccount();
  const session = await signIn(user);
  await signOutEverywhere({ actor: user });
  expect((await call(entitlements, { method: "GET", token: session.accessToken })).body.code).toBe("UNAUTHENTICATED");
  expect((await call(refresh, { json: { refreshToken: session.refreshToken } })).body.code).toBe("INVALID_REFRESH_TOKEN");
  expect(await db().refreshToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  // A new sign-in works under the new version.
  const fresh = await signIn(user);
  expect((await call(refresh, { json: { refreshToken: fresh.refreshToken } })).status).toBe(200);
});

test("R5: signing out revokes the session at once and releases the seats of its device (audited)", async () => {
  const tenant = await createTestTenant();
  const { license, key, users } = await desktopLicense(tenant, "FLOATING", { seats: 1, userCount: 2 });
  const device = { fingerprint: fingerprintOf("laptop"), hostname: "LAPTOP-1" };
  const session = await signIn(users[0]!, device);
  expect((await call(activate, { token: session.accessToken, json: { activationKey: key, ...device } })).status).toBe(201);
  expect(
    (await call(takeLease, { token: session.accessToken, json: { licenseId: license.id, fingerprint: device.fingerprint } })).status,
  ).toBe(201);

  const answer = await call(signOut, { method: "DELETE", token: session.accessToken });
  expect(answer.status).toBe(204);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  expect((await call(entitlements, { method: "GET", token: session.accessToken })).status).toBe(401);
  expect((await call(refresh, { json: { refreshToken: session.refreshToken } })).status).toBe(401);
  expect(await db().floatingLease.count({ where: { licenseId: license.id, releasedAt: null } })).toBe(0);
  expect(await db().auditEvent.count({ where: { action: "lease.released", licenseId: license.id, companyId: tenant.company.id } })).toBe(1);
  expect(await db().auditEvent.count({ where: { action: "api.signed-out", actorId: users[0]!.id } })).toBe(1);

  // The seat is free for the colleague at once, not after an hour.
  const colleagueDevice = { fingerprint: fingerprintOf("desk"), hostname: "DESK-2" };
  const colleague = await signIn(users[1]!);
  await call(activate, { token: colleague.accessToken, json: { activationKey: key, ...colleagueDevice } });
  clock.advance(5 * MINUTE);
  expect(
    (await call(takeLease, { token: colleague.accessToken, json: { licenseId: license.id, fingerprint: colleagueDevice.fingerprint } }))
      .status,
  ).toBe(201);
});

test("malformed, mistyped, oversized or unknown-field sign-in bodies are 400 (415 for non-JSON) and create no session", async () => {
  const user = await createTestAccount();
  const valid = { email: user.email, password: TEST_PASSWORD, client: "x" };
  const cases = [
    { raw: "{not json", contentType: "application/json", status: 400 },
    { raw: JSON.stringify(valid), contentType: "text/plain", status: 415 },
    { raw: JSON.stringify(valid), contentType: null, status: 415 },
    { raw: JSON.stringify({ ...valid, client: "x".repeat(20_000) }), contentType: "application/json", status: 400 },
    { raw: JSON.stringify({ ...valid, isAdmin: true }), contentType: "application/json", status: 400 },
    { raw: JSON.stringify({ ...valid, password: 12345 }), contentType: "application/json", status: 400 },
    { raw: "[]", contentType: "application/json", status: 400 },
    { raw: "", contentType: "application/json", status: 400 },
  ];
  for (const { raw, contentType, status } of cases) {
    const answer = await call(signInRoute, { raw, contentType });
    expect(answer.status, raw.slice(0, 40)).toBe(status);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
  }
  expect(await db().refreshToken.count({ where: { userId: user.id } })).toBe(0);
  expect(await db().auditEvent.count({ where: { subjectUserId: user.id } })).toBe(0);
});
