// R25 under real concurrency: a back-office seat reduction racing a grid save (named) or a lease
// take (floating), on two connection pools standing for two app instances. Whatever the order,
// a license never ends with more assignments or live leases than seats. No test transaction
// wraps these: each change commits for real.
import { expect, test } from "vitest";
import { changeLicenseSeats } from "@/lib/backoffice/change-license-seats";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { readGroupVersion, saveRetryingOnConflict, useSecondPool, WAIT_LIKE_THE_APP } from "../assignments/fixtures";

const database = useTestDatabase();
const secondInstance = useSecondPool(database);
const ROUNDS = 8;

/** A refusal the race may legitimately end in; anything else fails the test. */
async function outcomeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "done";
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

test(`a reduction to the assigned count racing a save that assigns one more: never more assignments than seats (${ROUNDS} rounds)`, async () => {
  const tenant = await createTestTenant();
  const users = [await tenant.addUser(), await tenant.addUser(), await tenant.addUser()];
  for (let round = 0; round < ROUNDS; round++) {
    // A license of its own column each round (another end of term): the race is about one license's seats.
    const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 3, {
      validUntil: new Date(Date.now() + (400 + round) * 86_400_000),
    });
    await saveAssignments({
      actor: tenant.admin,
      groupId: tenant.group.id,
      expectedVersion: await readGroupVersion(db(), tenant.group.id),
      changes: [users[0]!, users[1]!].map((user) => ({ licenseId: named.id, userId: user.id, assigned: true })),
    });

    const [reduction, save] = await Promise.all([
      outcomeOf(
        changeLicenseSeats({ actor: tenant.staff, licenseId: named.id, seats: 2, db: round % 2 === 0 ? db() : secondInstance.client }),
      ),
      saveRetryingOnConflict({
        client: round % 2 === 0 ? secondInstance.client : db(),
        actor: tenant.admin,
        groupId: tenant.group.id,
        changes: [{ licenseId: named.id, userId: users[2]!.id, assigned: true }],
        maxAttempts: 5,
      }),
    ]);
    // Exactly one of the two can win: 2 seats with 3 assigned is what must never happen.
    expect([reduction, save].filter((outcome) => outcome === "done" || outcome === "saved")).toHaveLength(1);
    expect([reduction, save]).toContain("SEATS_EXHAUSTED");
    const license = await db().license.findUniqueOrThrow({ where: { id: named.id } });
    const active = await db().$transaction(
      (transaction) => transaction.assignment.count({ where: { licenseId: named.id, revokedAt: null } }),
      WAIT_LIKE_THE_APP,
    );
    expect(active).toBeLessThanOrEqual(license.seats);
  }
}, 120_000);

test(`a floating reduction racing a lease take: never more live leases than seats (${ROUNDS} rounds)`, async () => {
  const tenant = await createTestTenant();
  const users = [await tenant.addUser(), await tenant.addUser()];
  for (let round = 0; round < ROUNDS; round++) {
    const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
    await saveAssignments({
      actor: tenant.admin,
      groupId: tenant.group.id,
      expectedVersion: await readGroupVersion(db(), tenant.group.id),
      changes: users.map((user) => ({ licenseId: floating.id, userId: user.id, assigned: true })),
    });
    await acquireLease({ userId: users[0]!.id, licenseId: floating.id, holder: { browserSessionId: `first-${round}` } });

    const [reduction, take] = await Promise.all([
      outcomeOf(
        changeLicenseSeats({ actor: tenant.staff, licenseId: floating.id, seats: 1, db: round % 2 === 0 ? db() : secondInstance.client }),
      ),
      outcomeOf(
        acquireLease({
          userId: users[1]!.id,
          licenseId: floating.id,
          holder: { browserSessionId: `second-${round}` },
          db: round % 2 === 0 ? secondInstance.client : db(),
        }),
      ),
    ]);
    expect([reduction, take].filter((outcome) => outcome === "done")).toHaveLength(1);
    const license = await db().license.findUniqueOrThrow({ where: { id: floating.id } });
    const live = await db().floatingLease.count({ where: { licenseId: floating.id, releasedAt: null, expiresAt: { gt: new Date() } } });
    expect(live).toBeLessThanOrEqual(license.seats);
  }
}, 120_000);
