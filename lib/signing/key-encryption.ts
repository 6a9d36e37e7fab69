// Private signing keys rest in the database encrypted (decision 009): a copy of the database alone
// cannot forge license files or tokens. The encryption key is derived from AUTH_SECRET, which every
// instance of one deployment already shares.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const ALGORITHM = "aes-256-gcm";
const VERSION = "v1";

function encryptionKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "license-portal", "signing-key-encryption/v1", 32));
}

function configuredSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (at least 32 characters): start the app with `npm start`, which provides it.");
  return secret;
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function encryptPrivateKey(pkcs8Pem: string, secret = configuredSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, encryptionKey(secret), iv);
  const ciphertext = Buffer.concat([cipher.update(pkcs8Pem, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptPrivateKey(sealed: string, secret = configuredSecret()): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error("Unknown signing key encryption format");
  const decipher = createDecipheriv(ALGORITHM, encryptionKey(secret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("A signing key cannot be decrypted: AUTH_SECRET differs from the one it was created with");
  }
}
