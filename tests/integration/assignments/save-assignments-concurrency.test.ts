// R25/R26 under real concurrency: many admins (on two app instances, i.e. two connection pools)
// saving the same group at once. No test transaction wraps these: each save commits for real.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, expect, test } from "vitest";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { createDb, db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();
let secondInstance: PrismaClient;
beforeAll(() => {
  secondInstance = createDb(database.url);
});
afterAll(async () => {
  await secondInstance.$disconnect();
});

test("30 concurrent saves, each adding a different user to a 5-seat named license: exactly 5 succeed", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const users = [];
  for (let index = 0; index < 30; index++) users.push(await tenant.addUser());

  // Each admin reloads the grid after "someone else changed this group" and saves again, as the
  // UI does (R26); what remains is the seat check under the license lock (R25).
  const outcomes = await Promise.all(
    users.map(async (user, index) => {
      const client = index % 2 === 0 ? db() : secondInstance;
      for (let attempt = 0; attempt < 60; attempt++) {
        // Read inside a transaction: pglite-socket 0.2.17 can interleave the protocol messages of
        // concurrent statements outside transactions on different connections (see the report of issue 2).
        const { version } = await client.$transaction((transaction) =>
          transaction.licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id }, select: { version: true } }),
        );
        try {
          await saveAssignments({ actor: tenant.admin, groupId: tenant.group.id, expectedVersion: version, changes: [{ licenseId: named.id, userId: user.id, assigned: true }], db: client });
          return "saved";
        } catch (error) {
          if (isDomainError(error, "CONFLICT")) continue;
          if (isDomainError(error, "SEATS_EXHAUSTED")) return "SEATS_EXHAUSTED";
          throw error;
        }
      }
      return "CONFLICT";
    }),
  );
  expect(outcomes.filter((outcome) => outcome === "saved")).toHaveLength(5);
  expect(outcomes.every((outcome) => ["saved", "SEATS_EXHAUSTED", "CONFLICT"].includes(outcome))).toBe(true);
  expect(await db().assignment.count({ where: { licenseId: named.id, revokedAt: null } })).toBe(5);
  expect(await db().auditEvent.count({ where: { licenseId: named.id, action: "assignment.granted" } })).toBe(5);
  expect((await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } })).version).toBe(5);
}, 60_000);

test("R26: of 10 concurrent saves based on the same version exactly one wins, the others get CONFLICT", async () => {
  const tenant = await createTestTenant();
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
  const users = [];
  for (let index = 0; index < 10; index++) users.push(await tenant.addUser());

  const results = await Promise.allSettled(
    users.map((user, index) =>
      saveAssignments({
        actor: tenant.admin,
        groupId: tenant.group.id,
        expectedVersion: 0,
        changes: [{ licenseId: floating.id, userId: user.id, assigned: true }],
        db: index % 2 === 0 ? db() : secondInstance,
      }),
    ),
  );
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  for (const result of results) {
    if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONFLICT" });
  }
  expect(await db().assignment.count({ where: { licenseId: floating.id } })).toBe(1);
}, 60_000);
