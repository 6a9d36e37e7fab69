import { Prisma } from "@prisma/client";
import { expect, test } from "vitest";
import { db, queryRows } from "@/lib/db/client";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();

test("each test file gets its own migrated database that the domain's client points at", async () => {
  await db().company.create({ data: { name: "Bouwbedrijf Jansen", country: "NL", sapAccountNumber: "100001" } });
  expect(await database.db.company.count()).toBe(1);
  const [row] = await database.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
  expect(Number(row?.count)).toBeGreaterThanOrEqual(2);
});

const companiesNamed = (name: string) =>
  Prisma.sql`SELECT "name", "createdAt", ${name}::text AS "asked" FROM "Company" WHERE "name" = ${name}`;

test("queryRows: on the app's client the same rows, with the same column types, as $queryRaw", async () => {
  await db().company.create({ data: { name: "Aannemer De Vries", country: "NL", sapAccountNumber: "100002" } });
  const direct = await queryRows<{ name: string; createdAt: Date; asked: string }>(db(), companiesNamed("Aannemer De Vries"));
  expect(direct).toEqual(await db().$queryRaw(companiesNamed("Aannemer De Vries")));
  expect(direct[0]!.createdAt).toBeInstanceOf(Date);
});

test("queryRows: inside a transaction it joins it, seeing its writes, and a rollback leaves nothing", async () => {
  // (Not asked from another connection meanwhile: the embedded database serves one transaction at a time.)
  const inside = await runInTransaction(db(), async (transaction) => {
    await transaction.company.create({ data: { name: "Installatiebedrijf Bakker", country: "NL", sapAccountNumber: "100003" } });
    return queryRows<{ name: string }>(transaction, companiesNamed("Installatiebedrijf Bakker"));
  });
  expect(inside.map((row) => row.name)).toEqual(["Installatiebedrijf Bakker"]);

  await expect(
    runInTransaction(db(), async (transaction) => {
      await transaction.company.create({ data: { name: "Dakdekker Visser", country: "NL", sapAccountNumber: "100004" } });
      expect(await queryRows(transaction, companiesNamed("Dakdekker Visser"))).toHaveLength(1);
      throw new Error("roll back");
    }),
  ).rejects.toThrow("roll back");
  expect(await queryRows(db(), companiesNamed("Dakdekker Visser"))).toEqual([]);
});
