// Hardening (docs/SECURITY.md): a bearer token naming a key id nobody knows must not make the
// server read its signing keys again on every request — that would let anyone turn each API call
// into a database query. Called through the route handler, as Next.js would, counting the key
// reads.
import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { decodeJwt } from "jose";
import { afterEach, expect, test, vi } from "vitest";
import { db, useDb } from "@/lib/db/client";
import { issueAccessToken } from "@/lib/api-sessions/access-tokens";
import { rotateSigningKey } from "@/lib/signing/signing-keys";
import { API_AUDIENCE } from "@/lib/signing/token-types";
import { GET as entitlementsRoute } from "@/app/api/v1/entitlements/route";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { call, signIn } from "../api/api-test-kit";

useTestDatabase();

/** The process's client, wrapped to count how often the signing keys are read from the table. */
function countKeyReads(): { reads: () => number; restore: () => void } {
  const original = db();
  let reads = 0;
  const counting = original.$extends({
    query: {
      signingKey: {
        async findMany({ args, query }) {
          reads++;
          return query(args);
        },
      },
    },
  });
  useDb(counting as unknown as PrismaClient);
  return { reads: () => reads, restore: () => useDb(original) };
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** A token in the access token's shape whose key id is made up (the signature is random bytes). */
function tokenWithUnknownKid(userId: string): string {
  const header = base64UrlJson({ alg: "EdDSA", typ: "at+jwt", kid: randomUUID() });
  const payload = base64UrlJson({
    sub: userId,
    sid: randomUUID(),
    ver: 0,
    client: "forger",
    aud: API_AUDIENCE,
    exp: Math.floor(Date.now() / 1000) + 600,
  });
  return `${header}.${payload}.${randomBytes(64).toString("base64url")}`;
}

afterEach(() => vi.useRealTimers());

test("many requests with made-up key ids read the keys at most once per interval; a key another instance made is still found", async () => {
  const tenant = await createTestTenant();
  const user = await tenant.addUser();
  const otherInstance = db();
  const counter = countKeyReads();
  try {
    const { accessToken } = await signIn(user);
    expect((await call(entitlementsRoute, { method: "GET", path: "/entitlements", token: accessToken })).status).toBe(200);
    const readsBefore = counter.reads();

    for (let request = 0; request < 60; request++) {
      const answer = await call(entitlementsRoute, { method: "GET", path: "/entitlements", token: tokenWithUnknownKid(user.id) });
      expect(answer.status).toBe(401);
    }
    expect(counter.reads() - readsBefore).toBeLessThanOrEqual(1);
    expect((await call(entitlementsRoute, { method: "GET", path: "/entitlements", token: accessToken })).status).toBe(200);

    // Another instance (its own client and key cache) rotates and signs with its new key. A few
    // seconds later — well within this instance's key cache lifetime — the new kid is read for once.
    await rotateSigningKey({ db: otherInstance });
    const { sid, ver } = decodeJwt(accessToken) as { sid: string; ver: number };
    const rotated = await issueAccessToken({
      userId: user.id,
      sessionId: sid,
      sessionVersion: ver,
      client: "Vitest",
      deviceId: null,
      db: otherInstance,
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10_000);
    const readsAtRotation = counter.reads();
    expect((await call(entitlementsRoute, { method: "GET", path: "/entitlements", token: rotated.accessToken })).status).toBe(200);
    expect((await call(entitlementsRoute, { method: "GET", path: "/entitlements", token: rotated.accessToken })).status).toBe(200);
    expect(counter.reads() - readsAtRotation).toBe(1);
  } finally {
    counter.restore();
  }
});
