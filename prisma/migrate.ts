// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or to the embedded database
// under DATA_DIR when DATABASE_URL is unset). Safe to run from several instances at once.
import { env } from "@/lib/env";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { assertDatabaseReachable } from "@/lib/db/reachability";
import { runCli } from "@/lib/runtime/cli";

await runCli(async () => {
  const config = env();
  if (config.DATABASE_URL) await assertDatabaseReachable(config.DATABASE_URL);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedDatabase({ dataDir: config.DATA_DIR });
  try {
    const result = await migrate({
      connectionString: config.DATABASE_URL ?? embedded!.url,
      log: (line) => console.log(line),
    });
    console.log(
      result.applied.length === 0
        ? `Database is up to date (${result.alreadyApplied} migrations applied).`
        : `Applied ${result.applied.length} migration(s).`,
    );
  } finally {
    await embedded?.stop();
  }
});
