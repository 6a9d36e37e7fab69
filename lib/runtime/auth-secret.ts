// The secret that signs session cookies: configured with DATABASE_URL (instances share it), else generated
// once and kept in DATA_DIR.
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareDataDir } from "@/lib/db/embedded";
import { EnvError, type Env } from "@/lib/env";

export async function resolveAuthSecret(config: Env): Promise<string> {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config.DATABASE_URL && config.isProduction) {
    throw new EnvError(
      "AUTH_SECRET is required with DATABASE_URL in production (every instance needs the same one). " +
        "Generate one with: openssl rand -base64 32",
    );
  }
  await prepareDataDir(config.DATA_DIR);
  const file = path.join(config.DATA_DIR, "auth-secret");
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
