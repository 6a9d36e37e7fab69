// Hardening (docs/SECURITY.md; decision 009, amended): private signing keys are sealed with a key
// derived from AUTH_SECRET for this purpose only, and bound to their key id, so a sealed key copied
// onto another row (another kid) does not open; keys sealed the earlier way still load, and are
// re-sealed.
import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { createLocalJWKSet, jwtVerify } from "jose";
import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { decryptPrivateKey, encryptPrivateKey } from "@/lib/signing/key-encryption";
import { signToken } from "@/lib/signing/signed-tokens";
import { activeSigningKey, publishedJwks, rotateSigningKey } from "@/lib/signing/signing-keys";
import { API_AUDIENCE } from "@/lib/signing/token-types";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

/** How keys were sealed before (format "v1"): HKDF without a kid, no additional data. */
function sealTheOldWay(pem: string, secret: string): string {
  const key = Buffer.from(hkdfSync("sha256", secret, "license-portal", "signing-key-encryption/v1", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(pem, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

test("a sealed key opens only for its own key id and with the same AUTH_SECRET", () => {
  const sealed = encryptPrivateKey("secret pem", { kid: "kid-a", secret: "a".repeat(32) });
  expect(sealed.startsWith("v2.")).toBe(true);
  expect(decryptPrivateKey(sealed, { kid: "kid-a", secret: "a".repeat(32) })).toBe("secret pem");
  expect(() => decryptPrivateKey(sealed, { kid: "kid-b", secret: "a".repeat(32) })).toThrow(/cannot be decrypted/);
  expect(() => decryptPrivateKey(sealed, { kid: "kid-a", secret: "b".repeat(32) })).toThrow(/cannot be decrypted/);
});

test("a private key moved onto another key's row is refused instead of signing under the wrong kid", async () => {
  await activeSigningKey();
  await rotateSigningKey();
  const [newest, retired] = await db().signingKey.findMany({ orderBy: [{ retiredAt: { sort: "desc", nulls: "first" } }] });
  await db().signingKey.update({ where: { kid: newest!.kid }, data: { privateKeyEncrypted: retired!.privateKeyEncrypted } });
  // Another process (a fresh cache) reads the tampered row.
  await expect(activeSigningKey({ db: freshView() })).rejects.toThrow(/cannot be decrypted/);
});

test("a key sealed the earlier way still signs, and is re-sealed bound to its kid on first use", async () => {
  await activeSigningKey();
  const { kid } = await rotateSigningKey();
  const row = await db().signingKey.findUniqueOrThrow({ where: { kid } });
  const pem = decryptPrivateKey(row.privateKeyEncrypted, { kid });
  await db().signingKey.update({ where: { kid }, data: { privateKeyEncrypted: sealTheOldWay(pem, env().AUTH_SECRET!) } });

  const view = freshView();
  const token = await signToken({
    kind: "access",
    subject: "user-1",
    audience: API_AUDIENCE,
    claims: { sid: "s" },
    ttlSeconds: 60,
    db: view,
  });
  const { protectedHeader } = await jwtVerify(token, createLocalJWKSet(await publishedJwks()), { typ: "at+jwt", audience: API_AUDIENCE });
  expect(protectedHeader.kid).toBe(kid);
  const resealed = await db().signingKey.findUniqueOrThrow({ where: { kid } });
  expect(resealed.privateKeyEncrypted.startsWith("v2.")).toBe(true);
  expect(decryptPrivateKey(resealed.privateKeyEncrypted, { kid })).toBe(pem);
});

/** The same database seen through another client object: the key module caches per client, as per instance. */
function freshView(): ReturnType<typeof db> {
  return db().$extends({}) as unknown as ReturnType<typeof db>;
}
