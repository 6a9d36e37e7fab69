// The embedded database serves many connections from one PGlite session. These tests fail if
// one connection's query can again interleave with another's (lib/db/pglite-socket-batches.ts).
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { createDb } from "@/lib/db/client";

let embedded: EmbeddedDatabase;
beforeAll(async () => {
  embedded = await startEmbeddedDatabase({ dataDir: null });
});
afterAll(async () => {
  await embedded.stop();
});

test("parallel connections mixing transactions and plain queries each get their own results", async () => {
  const clients = await Promise.all(
    Array.from({ length: 6 }, async () => {
      const client = new pg.Client({ connectionString: embedded.url });
      await client.connect();
      return client;
    }),
  );
  const outcomes = { correct: 0, wrong: 0, errors: 0 };
  await Promise.all(
    clients.map(async (client, clientIndex) => {
      for (let i = 0; i < 100; i++) {
        const expected = clientIndex * 1000 + i;
        try {
          if (clientIndex % 2 === 0) await client.query("BEGIN");
          const { rows } = await client.query<{ v: number }>("SELECT $1::int AS v", [expected]);
          if (clientIndex % 2 === 0) await client.query("COMMIT");
          outcomes[rows[0]?.v === expected ? "correct" : "wrong"]++;
        } catch {
          outcomes.errors++;
        }
      }
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  expect(outcomes).toEqual({ correct: 600, wrong: 0, errors: 0 });
}, 60_000);

test("a Prisma pool mixing interactive transactions and reads reads its own rows", async () => {
  const db = createDb(embedded.url, 10);
  try {
    await db.$executeRawUnsafe(`CREATE TABLE probe (id int PRIMARY KEY, owner text NOT NULL)`);
    await db.$executeRawUnsafe(`INSERT INTO probe SELECT g, 'owner-' || g FROM generate_series(1, 50) g`);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => {
        const id = index + 1;
        return index % 3 === 0
          ? db.$transaction(async (tx) => (await tx.$queryRaw<{ owner: string }[]>`SELECT owner FROM probe WHERE id = ${id}`)[0]?.owner)
          : db.$queryRaw<{ owner: string }[]>`SELECT owner FROM probe WHERE id = ${id}`.then((rows) => rows[0]?.owner);
      }),
    );
    expect(results).toEqual(Array.from({ length: 50 }, (_, index) => `owner-${index + 1}`));
  } finally {
    await db.$disconnect();
  }
}, 60_000);
