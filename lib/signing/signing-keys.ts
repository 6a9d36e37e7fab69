// The licensing service's Ed25519 keys (decision 009): the newest unretired key signs, the JWKS publishes
// every key whose signatures may still be valid.
import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import type { JsonWebKey } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { decryptPrivateKey, encryptPrivateKey, isLegacySealed } from "@/lib/signing/key-encryption";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

/** Longer than anything a retired key signed can be valid (license files: 30 days). */
export const RETIRED_KEY_PUBLISHED_MS = 45 * 24 * 60 * 60 * 1000;
/** So a rotation on one instance reaches the others. */
const CACHE_MS = 60_000;
/** Tokens naming made-up kids cost no query each; another instance's new key is still found within seconds. */
const UNKNOWN_KID_RELOAD_MS = 5_000;

export type PublicSigningKey = { kid: string; publicKey: KeyObject; jwk: PublishedJwk; retiredAt: Date | null };
export type ActiveSigningKey = PublicSigningKey & { privateKey: KeyObject };
export type PublishedJwk = { kty: "OKP"; crv: "Ed25519"; x: string; kid: string; alg: "EdDSA"; use: "sig" };

type KeyRow = { kid: string; publicJwk: Prisma.JsonValue; privateKeyEncrypted: string; createdAt: Date; retiredAt: Date | null };
type KeyCache = { loadedAt: number; rows: KeyRow[]; reloadedForUnknownKidAt?: number };
const globalForKeys = globalThis as unknown as {
  signingKeyCache?: WeakMap<object, KeyCache>;
  keyObjects?: Map<string, { publicKey: KeyObject; privateKey?: KeyObject }>;
};

/** Parsing a key costs far more than a signature; a kid never changes its key. */
function keyObjectsOf(row: KeyRow): { publicKey: KeyObject; privateKey?: KeyObject } {
  globalForKeys.keyObjects ??= new Map();
  let entry = globalForKeys.keyObjects.get(row.kid);
  if (!entry) {
    const jwk = row.publicJwk as PublishedJwk;
    entry = { publicKey: createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" }) };
    globalForKeys.keyObjects.set(row.kid, entry);
  }
  return entry;
}

/** The key that signs now; the first call on an empty database creates it (once, whatever the concurrency). */
export async function activeSigningKey(options: { db?: DbClient } = {}): Promise<ActiveSigningKey> {
  const client = options.db ?? processDb();
  let newest = (await cachedKeyRows(client)).find((row) => row.retiredAt === null);
  if (!newest) {
    await createSigningKey({ db: client, onlyIfNone: true });
    newest = (await cachedKeyRows(client, { reload: true })).find((row) => row.retiredAt === null)!;
  }
  const keys = keyObjectsOf(newest);
  keys.privateKey ??= createPrivateKey(await openPrivateKey(client, newest));
  return { ...toPublicKey(newest), privateKey: keys.privateKey };
}

/** The key's PEM; one sealed before kid binding is re-sealed in place (once, whichever instance wins). */
async function openPrivateKey(client: DbClient, row: KeyRow): Promise<string> {
  const pem = decryptPrivateKey(row.privateKeyEncrypted, { kid: row.kid });
  if (isLegacySealed(row.privateKeyEncrypted)) {
    await client.signingKey.updateMany({
      where: { kid: row.kid, privateKeyEncrypted: row.privateKeyEncrypted },
      data: { privateKeyEncrypted: encryptPrivateKey(pem, { kid: row.kid }) },
    });
  }
  return pem;
}

export async function publicSigningKey(kid: string, options: { db?: DbClient; clock?: Clock } = {}): Promise<PublicSigningKey | null> {
  const client = options.db ?? processDb();
  const find = (rows: KeyRow[]) => rows.find((row) => row.kid === kid);
  const row =
    find(await cachedKeyRows(client)) ??
    (mayReloadForUnknownKid(client) ? find(await cachedKeyRows(client, { reload: true, forUnknownKid: true })) : undefined);
  if (!row || !isPublished(row, (options.clock ?? systemClock).now())) return null;
  return toPublicKey(row);
}

/** The JWKS of /api/v1/signing-keys: the signing key first. */
export async function publishedJwks(options: { db?: DbClient; clock?: Clock } = {}): Promise<{ keys: PublishedJwk[] }> {
  const client = options.db ?? processDb();
  await activeSigningKey({ db: client });
  const now = (options.clock ?? systemClock).now();
  return { keys: (await cachedKeyRows(client)).filter((row) => isPublished(row, now)).map((row) => toPublicKey(row).jwk) };
}

/** Starts signing with a new key; the old one keeps verifying until RETIRED_KEY_PUBLISHED_MS has passed. */
export async function rotateSigningKey(options: { db?: DbClient; clock?: Clock } = {}): Promise<{ kid: string }> {
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  const created = await runInTransaction(client, async (transaction) => {
    await transaction.signingKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
    return createSigningKey({ db: transaction, onlyIfNone: false, clock: options.clock });
  });
  await cachedKeyRows(client, { reload: true });
  return created;
}

async function createSigningKey(options: { db: DbClient; onlyIfNone: boolean; clock?: Clock }): Promise<{ kid: string }> {
  return runInTransaction(options.db, async (transaction) => {
    // Instances starting together on an empty database create one key between them.
    await transaction.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('license-portal:signing-key'))`;
    if (options.onlyIfNone) {
      const existing = await transaction.signingKey.findFirst({ where: { retiredAt: null }, select: { kid: true } });
      if (existing) return existing;
    }
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const kid = randomUUID();
    const jwk = publicKey.export({ format: "jwk" }) as JsonWebKey;
    await transaction.signingKey.create({
      data: {
        kid,
        publicJwk: { kty: "OKP", crv: "Ed25519", x: jwk.x!, kid, alg: "EdDSA", use: "sig" } satisfies PublishedJwk,
        privateKeyEncrypted: encryptPrivateKey(privateKey.export({ format: "pem", type: "pkcs8" }).toString(), { kid }),
        ...(options.clock ? { createdAt: options.clock.now() } : {}),
      },
    });
    return { kid };
  });
}

function mayReloadForUnknownKid(client: DbClient): boolean {
  const lastReload = globalForKeys.signingKeyCache?.get(client)?.reloadedForUnknownKidAt;
  return lastReload === undefined || Date.now() - lastReload >= UNKNOWN_KID_RELOAD_MS;
}

async function cachedKeyRows(client: DbClient, options: { reload?: boolean; forUnknownKid?: boolean } = {}): Promise<KeyRow[]> {
  globalForKeys.signingKeyCache ??= new WeakMap();
  const cached = globalForKeys.signingKeyCache.get(client);
  // Taken before the query, so concurrent requests with unknown kids wait for no second one.
  if (options.forUnknownKid && cached) cached.reloadedForUnknownKidAt = Date.now();
  if (cached && !options.reload && Date.now() - cached.loadedAt < CACHE_MS) return cached.rows;
  const rows = await client.signingKey.findMany({
    select: { kid: true, publicJwk: true, privateKeyEncrypted: true, createdAt: true, retiredAt: true },
    orderBy: [{ retiredAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  globalForKeys.signingKeyCache.set(client, {
    loadedAt: Date.now(),
    rows,
    reloadedForUnknownKidAt: options.forUnknownKid ? Date.now() : cached?.reloadedForUnknownKidAt,
  });
  return rows;
}

function isPublished(row: KeyRow, now: Date): boolean {
  return row.retiredAt === null || now.getTime() - row.retiredAt.getTime() < RETIRED_KEY_PUBLISHED_MS;
}

function toPublicKey(row: KeyRow): PublicSigningKey {
  return { kid: row.kid, jwk: row.publicJwk as PublishedJwk, retiredAt: row.retiredAt, publicKey: keyObjectsOf(row).publicKey };
}
