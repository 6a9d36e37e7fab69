// Seeds the demo data into an empty database, once: an advisory lock serialises "is there any company yet?".
import pg from "pg";
import { createDb, useDb } from "@/lib/db/client";
import { seedDemoData } from "@/lib/demo/seed-demo-data";

const SEED_LOCK_KEY = 72_253_114_003;

export type DemoLogin = { email: string; password: string; description: string };

export async function seedIfEmpty(options: { databaseUrl: string; log: (line: string) => void }): Promise<DemoLogin[]> {
  const lock = new pg.Client({ connectionString: options.databaseUrl });
  await lock.connect();
  const client = createDb(options.databaseUrl, 4);
  useDb(client);
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [SEED_LOCK_KEY]);
    const startedAt = performance.now();
    const result = await seedDemoData({ log: options.log });
    if (result.seeded) options.log(`demo data seeded in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    return result.logins;
  } finally {
    await client.$disconnect();
    // Closing the session releases the advisory lock.
    await lock.end();
  }
}
