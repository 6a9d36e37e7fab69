import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();

test("each test file gets its own migrated database that the domain's client points at", async () => {
  await db().company.create({ data: { name: "Bouwbedrijf Jansen", country: "NL", sapAccountNumber: "100001" } });
  expect(await database.db.company.count()).toBe(1);
  const [row] = await database.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
  expect(Number(row?.count)).toBeGreaterThanOrEqual(2);
});
