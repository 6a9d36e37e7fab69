// `npm run keys:rotate`: start signing with a new Ed25519 key (decision 009). The old key stays in
// the JWKS for RETIRED_KEY_PUBLISHED_MS, so license files and tokens it signed keep verifying.
// Runs against DATABASE_URL, or the embedded database under DATA_DIR when the app is stopped.
import { createDb, useDb } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { assertDatabaseReachable } from "@/lib/db/reachability";
import { parseEnv, processEnvironment } from "@/lib/env";
import { resolveAuthSecret } from "@/lib/runtime/auth-secret";
import { runCli } from "@/lib/runtime/cli";
import { publishedJwks, rotateSigningKey } from "@/lib/signing/signing-keys";

await runCli(async () => {
  const config = parseEnv(processEnvironment());
  // The private keys are encrypted with AUTH_SECRET: the same one the app uses (on the embedded
  // default, the one kept in DATA_DIR). Set before anything reads the validated environment.
  processEnvironment().AUTH_SECRET = await resolveAuthSecret(config);
  if (config.DATABASE_URL) await assertDatabaseReachable(config.DATABASE_URL);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedDatabase({ dataDir: config.DATA_DIR });
  const url = config.DATABASE_URL ?? embedded!.url;
  const client = createDb(url, 2);
  try {
    await migrate({ connectionString: url, log: () => {} });
    useDb(client);
    const { kid } = await rotateSigningKey();
    const published = (await publishedJwks()).keys.map((key) => key.kid);
    console.log(`New signing key ${kid}. Published keys: ${published.join(", ")}.`);
  } finally {
    await client.$disconnect();
    await embedded?.stop();
  }
});
