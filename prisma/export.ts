// `npm run db:export [-- --out FILE]`: the embedded database as one SQL file for a PostgreSQL
// server (docs/OPERATIONS.md, "Moving to a PostgreSQL server"). Stop `npm start` first.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportEmbeddedDatabase } from "@/lib/db/export-embedded-database";
import { env, EnvError } from "@/lib/env";
import { runCli } from "@/lib/runtime/cli";

await runCli(async () => {
  const config = env();
  if (config.DATABASE_URL) {
    throw new EnvError(
      "DATABASE_URL is set: the data is on a PostgreSQL server already; back it up with pg_dump. db:export exports the embedded database (DATA_DIR).",
    );
  }
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const out = path.resolve(values.out ?? path.join(config.DATA_DIR, `export-${new Date().toISOString().replace(/[:.]/g, "-")}.sql`));
  const { bytes } = await exportEmbeddedDatabase({ dataDir: config.DATA_DIR, out });
  console.log(`Exported the embedded database in ${config.DATA_DIR} to ${out} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
  console.log(`Load it into an empty database:  psql -v ON_ERROR_STOP=1 -d <database> -f ${out}`);
  const secretFile = path.join(config.DATA_DIR, "auth-secret");
  const secret = config.AUTH_SECRET
    ? "the AUTH_SECRET this app has now"
    : existsSync(secretFile)
      ? `the contents of ${secretFile}`
      : "a new secret (openssl rand -base64 32)";
  console.log(`Then start with DATABASE_URL pointing at it and AUTH_SECRET set to ${secret}: the signing keys are encrypted with it.`);
});
