import type { License } from "@prisma/client";
import { expect, test } from "vitest";
import { getLicenseGroupGrid } from "@/lib/assignments/get-license-group-grid";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const missingId = "00000000-0000-0000-0000-000000000000";
const invitationPayload = {
  firstName: "Zoe",
  productNames: ["PROFIS Engineering"],
  companyName: "Acme",
  adminName: "Admin",
  registerUrl: "http://localhost/register",
};

test("R13/R17: every company user with registration, latest invitation status and the group's licenses they hold", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 3);
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
  const desktop = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED", 1);
  const [jan, zoe, idle] = [await tenant.addUser(), await tenant.addInvitedUser(), await tenant.addInvitedUser()];
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [
      { licenseId: named.id, userId: jan.id, assigned: true },
      { licenseId: floating.id, userId: jan.id, assigned: true },
      { licenseId: named.id, userId: zoe.id, assigned: true },
    ],
  });
  // The latest invitation counts (a failed one replaced by a resend reads as the resend's status).
  const failed = await enqueueEmail({
    db: db(),
    template: "invitation",
    to: zoe.email,
    locale: "nl",
    payload: invitationPayload,
    userId: zoe.id,
    companyId: tenant.company.id,
  });
  await db().emailMessage.update({
    where: { id: failed.id },
    data: { status: "FAILED", lastError: "550 mailbox unavailable", createdAt: new Date(Date.now() + 60_000) },
  });
  const lease = await acquireLease({
    userId: jan.id,
    licenseId: floating.id,
    holder: { browserSessionId: "grid-test" },
    clock: fixedClock(new Date(Date.now() + 1000)),
  });

  const grid = await getLicenseGroupGrid({ actor: tenant.admin, groupId: tenant.group.id, clock: fixedClock(new Date(Date.now() + 2000)) });

  expect(grid.group).toEqual({
    id: tenant.group.id,
    name: tenant.group.name,
    sapAccountNumber: tenant.group.sapAccountNumber,
    orderReference: null,
    version: 1,
  });
  expect(grid.company).toEqual({ id: tenant.company.id, name: tenant.company.name, country: "NL" });
  const byId = new Map(grid.licenses.map((license) => [license.id, license]));
  expect(byId.get(named.id)).toMatchObject({
    productCode: "PROFIS_ENGINEERING",
    productKind: "WEB",
    type: "NAMED_USER",
    seats: 3,
    assignedCount: 2,
    seatHolders: [],
    isExpired: false,
  });
  expect(byId.get(floating.id)).toMatchObject({
    type: "FLOATING",
    assignedCount: 1,
    seatHolders: [{ userId: jan.id, holder: "browser", expiresAt: lease.lease.expiresAt.toISOString() }],
  });
  expect(byId.get(desktop.id)).toMatchObject({ productKind: "DESKTOP", type: "NODE_LOCKED", assignedCount: 0 });
  expect(byId.get(named.id)!.validUntil).toBe(named.validUntil.toISOString());

  const users = new Map(grid.users.map((user) => [user.id, user]));
  expect(grid.users).toHaveLength(4); // the admin, jan, zoe, idle
  expect(users.get(tenant.admin.id)).toMatchObject({ role: "ADMIN", isRegistered: true, invitation: null, assignedLicenseIds: [] });
  expect(users.get(jan.id)).toMatchObject({ email: jan.email, role: "USER", isRegistered: true, invitation: null });
  expect(users.get(jan.id)!.assignedLicenseIds.toSorted()).toEqual([named.id, floating.id].toSorted());
  expect(users.get(zoe.id)).toMatchObject({
    title: "MS",
    firstName: "Invited",
    position: "Tekenaar",
    isRegistered: false,
    assignedLicenseIds: [named.id],
    invitation: { status: "FAILED", at: expect.any(String) },
  });
  // The mail server's own answer stays in the outbox row and the logs, never in the grid.
  expect(users.get(zoe.id)!.invitation).not.toHaveProperty("lastError");
  expect(users.get(idle.id)).toMatchObject({ isRegistered: false, invitation: null, assignedLicenseIds: [] });
});

test("R13: expired licenses are marked and expired or released leases hold no seat", async () => {
  const tenant = await createTestTenant();
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 1);
  const user = await tenant.addUser();
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [{ licenseId: floating.id, userId: user.id, assigned: true }],
  });
  const start = new Date(Date.now() + 1000);
  await acquireLease({ userId: user.id, licenseId: floating.id, holder: { browserSessionId: "expiring" }, clock: fixedClock(start) });

  const later = await getLicenseGroupGrid({
    actor: tenant.admin,
    groupId: tenant.group.id,
    clock: fixedClock(new Date(start.getTime() + 2 * 60 * 60 * 1000)),
  });
  expect(later.licenses[0]).toMatchObject({ seatHolders: [], isExpired: false });
  const afterValidity = await getLicenseGroupGrid({
    actor: tenant.admin,
    groupId: tenant.group.id,
    clock: fixedClock(new Date(floating.validUntil.getTime() + 1)),
  });
  expect(afterValidity.licenses[0]!.isExpired).toBe(true);
});

test("R28: an admin of another company, a plain user and a missing or malformed group get NOT_FOUND / FORBIDDEN", async () => {
  const a = await createTestTenant();
  const b = await createTestTenant();
  const plain = await a.addUser("USER");
  await expect(getLicenseGroupGrid({ actor: b.admin, groupId: a.group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(getLicenseGroupGrid({ actor: a.admin, groupId: missingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(getLicenseGroupGrid({ actor: a.admin, groupId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(getLicenseGroupGrid({ actor: plain, groupId: a.group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  // B's own grid never shows A's people.
  const own = await getLicenseGroupGrid({ actor: b.admin, groupId: b.group.id });
  expect(own.users.map((user) => user.id)).toEqual([b.admin.id]);
});

test("10,000 users × 20 licenses: correct in a handful of queries", async () => {
  const tenant = await createTestTenant();
  const licenses: License[] = [];
  // Twenty columns: a different end of term each (one product and type ending on one day would be one column).
  for (let index = 0; index < 20; index++) {
    licenses.push(
      await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 10_000, {
        validUntil: new Date(Date.now() + (400 + index) * 86_400_000),
      }),
    );
  }
  // Bulk SQL: 10,000 contacts (every tenth registered), members of the company, each holding
  // the license number (i mod 20) — plus every user the first license.
  await db().$executeRaw`
    WITH "created" AS (
      INSERT INTO "User" ("email", "firstName", "lastName", "position", "passwordHash", "emailVerifiedAt", "updatedAt")
      SELECT 'bulk-' || i || '-' || ${tenant.company.id} || '@test.example', 'First' || i, 'Last' || lpad(i::text, 5, '0'), 'Engineer',
        CASE WHEN i % 10 = 0 THEN '$argon2id$placeholder' END, CASE WHEN i % 10 = 0 THEN now() END, now()
      FROM generate_series(1, 10000) AS i
      RETURNING "id", "email"
    )
    INSERT INTO "Membership" ("userId", "companyId", "role", "updatedAt")
    SELECT "id", ${tenant.company.id}::uuid, 'USER', now() FROM "created"`;
  await db().$executeRaw`
    INSERT INTO "Assignment" ("licenseId", "userId", "assignedById")
    SELECT l."id", u."id", ${tenant.admin.id}::uuid
    FROM "User" u
    JOIN LATERAL (SELECT split_part(split_part(u."email", '@', 1), '-', 2)::int AS i) n ON true
    JOIN "License" l ON l."id" = ANY(${[licenses[0]!.id]}::uuid[]) OR l."id" = (${licenses.map((license) => license.id)}::uuid[])[1 + n.i % 20]
    WHERE u."email" LIKE ${`bulk-%-${tenant.company.id}@test.example`}`;

  const started = performance.now();
  const grid = await getLicenseGroupGrid({ actor: tenant.admin, groupId: tenant.group.id });
  const elapsed = performance.now() - started;
  console.info(`getLicenseGroupGrid, 10,001 users × 20 licenses: ${elapsed.toFixed(0)} ms`);

  expect(grid.users).toHaveLength(10_001);
  expect(grid.licenses).toHaveLength(20);
  const first = grid.licenses.find((license) => license.id === licenses[0]!.id)!;
  expect(first.assignedCount).toBe(10_000);
  const assignedTotal = grid.licenses.reduce((sum, license) => sum + license.assignedCount, 0);
  expect(assignedTotal).toBe(grid.users.reduce((sum, user) => sum + user.assignedLicenseIds.length, 0));
  expect(assignedTotal).toBe(10_000 + 10_000 - 500); // i ≡ 0 (mod 20) holds license 1 once
  expect(grid.users.filter((user) => user.isRegistered)).toHaveLength(1_000 + 1);
  const user42 = grid.users.find((user) => user.email.startsWith("bulk-42-"))!;
  expect(user42.assignedLicenseIds.toSorted()).toEqual([licenses[0]!.id, licenses[2]!.id].toSorted());
}, 120_000);
