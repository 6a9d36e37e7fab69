// Private signing keys rest encrypted under a key derived from AUTH_SECRET, each bound to its kid (decision 009).
// Format "v1" (no kid binding) is still read, and re-sealed as "v2" when first used.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const ALGORITHM = "aes-256-gcm";
const VERSION = "v2";
const LEGACY_VERSION = "v1";

/** Key-derivation labels: one per format, used for nothing else. */
const derivationInfo = {
  v1: "signing-key-encryption/v1",
  v2: "license-portal/signing-key-encryption/v2: Ed25519 private keys at rest, bound to their kid",
} as const;

function encryptionKey(secret: string, version: keyof typeof derivationInfo): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "license-portal", derivationInfo[version], 32));
}

function configuredSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (at least 32 characters): start the app with `npm start`, which provides it.");
  return secret;
}

type SealOptions = { kid: string; secret?: string };

/** "v2.<iv>.<tag>.<ciphertext>", base64url parts; the kid is authenticated, not stored in it. */
export function encryptPrivateKey(pkcs8Pem: string, options: SealOptions): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, encryptionKey(options.secret ?? configuredSecret(), VERSION), iv);
  cipher.setAAD(Buffer.from(options.kid, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(pkcs8Pem, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function isLegacySealed(sealed: string): boolean {
  return sealed.startsWith(`${LEGACY_VERSION}.`);
}

export function decryptPrivateKey(sealed: string, options: SealOptions): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if ((version !== VERSION && version !== LEGACY_VERSION) || !iv || !tag || !ciphertext)
    throw new Error("Unknown signing key encryption format");
  const decipher = createDecipheriv(ALGORITHM, encryptionKey(options.secret ?? configuredSecret(), version), Buffer.from(iv, "base64url"));
  if (version === VERSION) decipher.setAAD(Buffer.from(options.kid, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      `The signing key ${options.kid} cannot be decrypted: AUTH_SECRET differs from the one it was created with, or the key was not sealed for this key id`,
    );
  }
}
