import { createLocalJWKSet, jwtVerify } from "jose";
import { expect, test } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { decryptPrivateKey, encryptPrivateKey } from "@/lib/signing/key-encryption";
import { signToken, verifyToken } from "@/lib/signing/signed-tokens";
import { activeSigningKey, publishedJwks, RETIRED_KEY_PUBLISHED_MS, rotateSigningKey } from "@/lib/signing/signing-keys";
import { API_AUDIENCE } from "@/lib/signing/token-types";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const sign = (options: Partial<Parameters<typeof signToken>[0]> = {}) =>
  signToken({ kind: "access", subject: "user-1", audience: API_AUDIENCE, claims: { sid: "family-1" }, ttlSeconds: 900, ...options });

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error, "UNAUTHENTICATED") && error.details.reason === "TOKEN_REJECTED") return error.details.tokenError;
    throw error;
  }
  throw new Error("expected the token to be refused");
}

test("instances starting together on an empty database create one signing key between them", async () => {
  const keys = await Promise.all(Array.from({ length: 8 }, () => activeSigningKey()));
  expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
  expect(await db().signingKey.count()).toBe(1);
});

test("a signed token verifies with the published JWKS alone, and carries its kid, typ and issuer", async () => {
  const token = await sign();
  const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(await publishedJwks()), {
    typ: "at+jwt",
    audience: API_AUDIENCE,
  });
  expect(protectedHeader).toMatchObject({ alg: "EdDSA", typ: "at+jwt", kid: (await activeSigningKey()).kid });
  expect(payload).toMatchObject({ sub: "user-1", sid: "family-1", aud: API_AUDIENCE });
  await expect(verifyToken({ kind: "access", token, audience: API_AUDIENCE })).resolves.toMatchObject({ sub: "user-1" });
});

test("expiry follows the injected clock: valid until exp, refused from then on", async () => {
  const clock = fixedClock("2027-03-01T10:00:00Z");
  const token = await sign({ clock, ttlSeconds: 60 });
  await expect(verifyToken({ kind: "access", token, audience: API_AUDIENCE, clock })).resolves.toMatchObject({
    sub: "user-1",
    sid: "family-1",
  });
  // Verified once, the token is remembered; its expiry is still checked at every call, to the second.
  clock.advance(59_999);
  await expect(verifyToken({ kind: "access", token, audience: API_AUDIENCE, clock })).resolves.toMatchObject({ sub: "user-1" });
  clock.advance(1);
  expect(await rejection(verifyToken({ kind: "access", token, audience: API_AUDIENCE, clock }))).toBe("ERR_JWT_EXPIRED");
});

test("a token of another kind, for another audience, tampered with or signed by a stranger is refused", async () => {
  const launch = await sign({ kind: "launch", audience: "PROFIS_ENGINEERING" });
  expect(await rejection(verifyToken({ kind: "access", token: launch, audience: API_AUDIENCE }))).toBe("ERR_JWT_CLAIM_VALIDATION_FAILED");
  expect(await rejection(verifyToken({ kind: "launch", token: launch, audience: "PROFIS_ANCHOR" }))).toBe(
    "ERR_JWT_CLAIM_VALIDATION_FAILED",
  );

  const [header, payload, signature] = (await sign()).split(".");
  const forgedPayload = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), sub: "admin" }),
  ).toString("base64url");
  expect(await rejection(verifyToken({ kind: "access", token: `${header}.${forgedPayload}.${signature}`, audience: API_AUDIENCE }))).toBe(
    "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
  );

  const strangerHeader = Buffer.from(JSON.stringify({ alg: "EdDSA", typ: "at+jwt", kid: "not-ours" })).toString("base64url");
  expect(await rejection(verifyToken({ kind: "access", token: `${strangerHeader}.${payload}.${signature}`, audience: API_AUDIENCE }))).toBe(
    "ERR_JWKS_NO_MATCHING_KEY",
  );
});

test("a verified token is remembered only as what it was verified for: as another kind or for another audience it is still refused", async () => {
  const token = await sign();
  await expect(verifyToken({ kind: "access", token, audience: API_AUDIENCE })).resolves.toMatchObject({ sub: "user-1" });
  expect(await rejection(verifyToken({ kind: "access", token, audience: "PROFIS_ANCHOR" }))).toBe("ERR_JWT_CLAIM_VALIDATION_FAILED");
  expect(await rejection(verifyToken({ kind: "launch", token, audience: API_AUDIENCE }))).toBe("ERR_JWT_CLAIM_VALIDATION_FAILED");
  await expect(verifyToken({ kind: "access", token, audience: API_AUDIENCE })).resolves.toMatchObject({ sub: "user-1" });
});

test("after a rotation the new key signs, the old one still verifies until it is no longer published", async () => {
  const clock = fixedClock("2027-03-01T10:00:00Z");
  const before = await sign({ clock, ttlSeconds: 90 * 24 * 3600 });
  const oldKid = (await activeSigningKey()).kid;
  const { kid: newKid } = await rotateSigningKey({ clock });
  expect(newKid).not.toBe(oldKid);
  expect((await publishedJwks({ clock })).keys.map((key) => key.kid)).toEqual([newKid, oldKid]);
  expect(JSON.parse(Buffer.from((await sign({ clock })).split(".")[0]!, "base64url").toString()).kid).toBe(newKid);
  await expect(verifyToken({ kind: "access", token: before, audience: API_AUDIENCE, clock })).resolves.toMatchObject({
    sub: "user-1",
    sid: "family-1",
  });

  clock.advance(RETIRED_KEY_PUBLISHED_MS);
  expect((await publishedJwks({ clock })).keys.map((key) => key.kid)).toEqual([newKid]);
  expect(await rejection(verifyToken({ kind: "access", token: before, audience: API_AUDIENCE, clock }))).toBe("ERR_JWKS_NO_MATCHING_KEY");
});

test("private keys rest encrypted, and only the same AUTH_SECRET opens them", async () => {
  await activeSigningKey();
  const row = await db().signingKey.findFirstOrThrow();
  expect(row.privateKeyEncrypted).not.toContain("PRIVATE KEY");
  expect(decryptPrivateKey(row.privateKeyEncrypted, { kid: row.kid })).toContain("BEGIN PRIVATE KEY");
  const sealed = encryptPrivateKey("secret pem", { kid: "kid-1", secret: "a".repeat(32) });
  expect(() => decryptPrivateKey(sealed, { kid: "kid-1", secret: "b".repeat(32) })).toThrow(/AUTH_SECRET differs/);
});
