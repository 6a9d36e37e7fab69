// `npm run db:seed`: demo data into DATABASE_URL (or into the embedded database under DATA_DIR
// when DATABASE_URL is unset), migrating first so a fresh clone needs no other step. Seeds only
// a database without companies; prints the demo logins.
import { createDb, useDb } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { assertDatabaseReachable } from "@/lib/db/reachability";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { env } from "@/lib/env";
import { runCli } from "@/lib/runtime/cli";

await runCli(async () => {
  const config = env();
  if (config.DATABASE_URL) await assertDatabaseReachable(config.DATABASE_URL);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedDatabase({ dataDir: config.DATA_DIR });
  const url = config.DATABASE_URL ?? embedded!.url;
  const client = createDb(url, 2);
  try {
    await migrate({ connectionString: url, log: (line) => console.log(line) });
    useDb(client);
    const startedAt = performance.now();
    const result = await seedDemoData({ log: (line) => console.log(line) });
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(result.seeded ? `Demo data seeded in ${seconds} s.` : "The database already has companies: nothing seeded.");
    if (result.logins.length > 0) {
      console.log("\nDemo logins:");
      console.table(result.logins);
    }
  } finally {
    await client.$disconnect();
    await embedded?.stop();
  }
});
