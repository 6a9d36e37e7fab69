// R25/R26 under real concurrency: 50 admins on two app instances (two connection pools) saving
// the same group at once. No test transaction wraps these: each save commits for real.
import { expect, test } from "vitest";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { db } from "@/lib/db/client";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { readGroupVersion, saveRetryingOnConflict, useSecondPool, WAIT_LIKE_THE_APP } from "./fixtures";

const database = useTestDatabase();
const secondInstance = useSecondPool(database);
const SAVES = 50;
const SEATS = 5;

const poolOf = (index: number) => (index % 2 === 0 ? db() : secondInstance.client);

test(`${SAVES} parallel saves from two pools, each adding another user to a ${SEATS}-seat named license: exactly ${SEATS} succeed, the rest SEATS_EXHAUSTED`, async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", SEATS);
  const users = [];
  for (let index = 0; index < SAVES; index++) users.push(await tenant.addUser());

  // Watch the seat count while the saves run: R25 says "never", not only "in the end".
  let isRunning = true;
  let mostActiveSeen = 0;
  const watcher = (async () => {
    while (isRunning) {
      const active = await db().$transaction(
        (transaction) => transaction.assignment.count({ where: { licenseId: named.id, revokedAt: null } }),
        WAIT_LIKE_THE_APP,
      );
      mostActiveSeen = Math.max(mostActiveSeen, active);
    }
  })();

  // Only a successful save bumps the version, so a caller meets at most SEATS conflicts: every
  // caller reaches a final answer well within SEATS + 2 attempts. "CONFLICT" here would be a bug.
  const outcomes = await Promise.all(
    users.map((user, index) =>
      saveRetryingOnConflict({
        client: poolOf(index),
        actor: tenant.admin,
        groupId: tenant.group.id,
        changes: [{ licenseId: named.id, userId: user.id, assigned: true }],
        maxAttempts: SEATS + 2,
      }),
    ),
  ).finally(() => {
    isRunning = false;
  });
  await watcher;

  expect(outcomes.filter((outcome) => outcome === "saved")).toHaveLength(SEATS);
  expect(outcomes.filter((outcome) => outcome === "SEATS_EXHAUSTED")).toHaveLength(SAVES - SEATS);
  expect(mostActiveSeen).toBeLessThanOrEqual(SEATS);
  expect(await db().assignment.count({ where: { licenseId: named.id, revokedAt: null } })).toBe(SEATS);
  expect(await db().auditEvent.count({ where: { licenseId: named.id, action: "assignment.granted" } })).toBe(SEATS);
  expect(await readGroupVersion(db(), tenant.group.id)).toBe(SEATS);
}, 120_000);

test(`R26: of ${SAVES} parallel saves from two pools based on the same version exactly one wins, the others get CONFLICT`, async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", SEATS);
  const users = [];
  for (let index = 0; index < SAVES; index++) users.push(await tenant.addUser());

  const results = await Promise.allSettled(
    users.map((user, index) =>
      saveAssignments({
        actor: tenant.admin,
        groupId: tenant.group.id,
        expectedVersion: 0,
        changes: [{ licenseId: named.id, userId: user.id, assigned: true }],
        db: poolOf(index),
      }),
    ),
  );
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  for (const result of results) {
    if (result.status === "rejected")
      expect(result.reason).toMatchObject({ code: "CONFLICT", details: { reason: "STALE_VERSION", currentVersion: 1 } });
  }
  expect(await db().assignment.count({ where: { licenseId: named.id } })).toBe(1);
  expect(await readGroupVersion(db(), tenant.group.id)).toBe(1);
}, 120_000);
