// The launch token (R1, R2, R20): its claims, lifetime and audience, verified the way the vendor's
// web application verifies it (the stand-in's verifier, given the published JWKS), and where
// /launch/<product> sends it.
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { expect, test } from "vitest";
import { fixedClock } from "@/lib/clock";
import { env } from "@/lib/env";
import { launchProduct, type LaunchGrant } from "@/lib/launch/launch-product";
import { issueLaunchToken, launchRedirectUrl } from "@/lib/launch/launch-token";
import { LAUNCH_TOKEN_PARAMETER, LAUNCH_TOKEN_TTL_SECONDS } from "@/lib/licensing-api/contract";
import { signToken } from "@/lib/signing/signed-tokens";
import { publishedJwks } from "@/lib/signing/signing-keys";
import { verifyLaunchToken } from "@/app/(webapp)/_stand-in/launch-token-verifier";
import { createTestAccount, createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { browserSession, MINUTE, signedIn, webLicense } from "./launch-kit";

useTestDatabase();

const START = new Date(Date.now() + MINUTE);
const ENGINEERING = "PROFIS_ENGINEERING";
const publishedKeys = async () => createLocalJWKSet(await publishedJwks());

async function launched(user: Awaited<ReturnType<typeof signedIn>>, browserSessionId: string, clock = fixedClock(START)) {
  const { outcome } = await launchProduct({ user, productCode: ENGINEERING, browserSessionId, clock });
  if (outcome.kind !== "granted") throw new Error("expected a grant");
  const token = await issueLaunchToken({ user, productCode: ENGINEERING, grant: outcome, browserSessionId, clock });
  return { grant: outcome as LaunchGrant, token, clock };
}

test("a floating license's launch token: EdDSA, typ launch+jwt, aud = product, about 2 minutes, naming the user, level, seat and browser session", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webLicense(tenant, "FLOATING", { seats: 2 });
  const user = await signedIn(users[0]!);
  const browser = browserSession();
  const { grant, token } = await launched(user, browser);

  expect(decodeProtectedHeader(token)).toMatchObject({ alg: "EdDSA", typ: "launch+jwt", kid: expect.any(String) });
  const { payload } = await jwtVerify(token, await publishedKeys(), {
    typ: "launch+jwt",
    audience: ENGINEERING,
    issuer: env().APP_BASE_URL,
    currentDate: START,
  });
  expect(payload.exp! - payload.iat!).toBe(LAUNCH_TOKEN_TTL_SECONDS);
  expect(payload).toMatchObject({
    sub: user.id,
    email: user.email,
    name: "Test Person",
    locale: "nl",
    level: "licensed",
    companyId: tenant.company.id,
    licenseId: license.id,
    lease: { id: grant.lease!.id, expiresAt: grant.lease!.expiresAt.toISOString() },
    browserSessionId: browser,
  });
  expect(payload).not.toHaveProperty("trialEndsAt");
});

test("a named license's token names no seat; a trial's names its end; Standard names neither", async () => {
  const tenant = await createTestTenant();
  const { users } = await webLicense(tenant, "NAMED_USER");
  const named = await launched(await signedIn(users[0]!), browserSession());
  const namedClaims = await verifyLaunchToken(named.token, { productCode: ENGINEERING, keys: await publishedKeys(), at: START });
  expect(namedClaims).toMatchObject({ level: "licensed" });
  expect(namedClaims).not.toHaveProperty("lease");
  // Every token names the browser's portal session (its web session lives as long) and is redeemed once by its jti.
  expect(namedClaims).toMatchObject({ browserSessionId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), jti: expect.any(String) });

  const newcomer = await signedIn(await createTestAccount());
  const trial = await launched(newcomer, browserSession());
  const trialClaims = await verifyLaunchToken(trial.token, { productCode: ENGINEERING, keys: await publishedKeys(), at: START });
  expect(trialClaims).toMatchObject({ level: "trial", companyId: null, trialEndsAt: trial.grant.trial!.endsAt.toISOString() });

  const later = fixedClock(trial.grant.trial!.endsAt);
  const standard = await launched(newcomer, browserSession(), later);
  const standardClaims = await verifyLaunchToken(standard.token, {
    productCode: ENGINEERING,
    keys: await publishedKeys(),
    at: later.now(),
  });
  expect(standardClaims.level).toBe("standard");
  expect(standardClaims).not.toHaveProperty("trialEndsAt");
});

test("the web application refuses a launch token that expired, is for another product, is of another kind, was tampered with or signed by a stranger", async () => {
  const tenant = await createTestTenant();
  const { users } = await webLicense(tenant, "NAMED_USER");
  const { token } = await launched(await signedIn(users[0]!), browserSession());
  const keys = await publishedKeys();

  await expect(
    verifyLaunchToken(token, { productCode: ENGINEERING, keys, at: new Date(START.getTime() + (LAUNCH_TOKEN_TTL_SECONDS - 1) * 1000) }),
  ).resolves.toMatchObject({ sub: users[0]!.id });
  await expect(
    verifyLaunchToken(token, { productCode: ENGINEERING, keys, at: new Date(START.getTime() + (LAUNCH_TOKEN_TTL_SECONDS + 1) * 1000) }),
  ).rejects.toMatchObject({ code: "ERR_JWT_EXPIRED" });
  await expect(verifyLaunchToken(token, { productCode: "PROFIS_ANCHOR", keys, at: START })).rejects.toMatchObject({
    code: "ERR_JWT_CLAIM_VALIDATION_FAILED",
  });

  const leaseReceipt = await signToken({
    kind: "lease",
    subject: users[0]!.id,
    audience: ENGINEERING,
    claims: { level: "licensed" },
    ttlSeconds: 60,
    clock: fixedClock(START),
  });
  await expect(verifyLaunchToken(leaseReceipt, { productCode: ENGINEERING, keys, at: START })).rejects.toMatchObject({
    code: "ERR_JWT_CLAIM_VALIDATION_FAILED",
  });

  const [header, payload, signature] = token.split(".");
  const raised = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), email: "admin@test.example" }),
  ).toString("base64url");
  await expect(verifyLaunchToken(`${header}.${raised}.${signature}`, { productCode: ENGINEERING, keys, at: START })).rejects.toMatchObject({
    code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
  });
  const stranger = Buffer.from(JSON.stringify({ alg: "EdDSA", typ: "launch+jwt", kid: "not-ours" })).toString("base64url");
  await expect(
    verifyLaunchToken(`${stranger}.${payload}.${signature}`, { productCode: ENGINEERING, keys, at: START }),
  ).rejects.toMatchObject({ code: "ERR_JWKS_NO_MATCHING_KEY" });
});

test("the token travels in the launch URL's query; a relative launch URL (the demo's stand-in) is resolved against APP_BASE_URL", () => {
  const relative = new URL(launchRedirectUrl("/apps/profis-engineering", "a.b.c"));
  expect(relative.origin).toBe(new URL(env().APP_BASE_URL).origin);
  expect(relative.pathname).toBe("/apps/profis-engineering");
  expect(relative.searchParams.get(LAUNCH_TOKEN_PARAMETER)).toBe("a.b.c");

  const absolute = new URL(launchRedirectUrl("https://engineering.example.com/start?tenant=nl", "a.b.c"));
  expect(absolute.toString()).toBe(`https://engineering.example.com/start?tenant=nl&${LAUNCH_TOKEN_PARAMETER}=a.b.c`);
});
