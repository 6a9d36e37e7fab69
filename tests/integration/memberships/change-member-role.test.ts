// Decision 016: a company's admins give and take the admin role, never leaving the company without
// one — also when two admins demote each other at the same moment on two app instances.
import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { changeMemberRole } from "@/lib/memberships/change-member-role";
import { listCompanyMembers } from "@/lib/memberships/list-company-members";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { useSecondPool } from "../assignments/fixtures";

const database = useTestDatabase();
const secondInstance = useSecondPool(database);

const roleOf = async (userId: string, companyId: string) =>
  (await db().membership.findUniqueOrThrow({ where: { userId_companyId: { userId, companyId } } })).role;

test("an admin makes a user admin and takes the role again, each audited", async () => {
  const tenant = await createTestTenant();
  const colleague = await tenant.addUser();
  await expect(
    changeMemberRole({ actor: tenant.admin, companyId: tenant.company.id, userId: colleague.id, role: "ADMIN" }),
  ).resolves.toEqual({ role: "ADMIN", isChanged: true });
  expect(await roleOf(colleague.id, tenant.company.id)).toBe("ADMIN");
  await changeMemberRole({ actor: tenant.admin, companyId: tenant.company.id, userId: colleague.id, role: "USER" });
  expect(await roleOf(colleague.id, tenant.company.id)).toBe("USER");
  const events = await db().auditEvent.findMany({
    where: { companyId: tenant.company.id, subjectUserId: colleague.id, action: { in: ["member.made-admin", "member.admin-removed"] } },
    orderBy: { createdAt: "asc" },
  });
  expect(events.map((event) => event.action)).toEqual(["member.made-admin", "member.admin-removed"]);
  expect((await listCompanyMembers({ actor: tenant.admin, companyId: tenant.company.id })).map((member) => member.role).sort()).toEqual([
    "ADMIN",
    "USER",
  ]);
});

test("the last admin cannot be demoted, not even by themselves", async () => {
  const tenant = await createTestTenant();
  await expect(
    changeMemberRole({ actor: tenant.admin, companyId: tenant.company.id, userId: tenant.admin.id, role: "USER" }),
  ).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "LAST_ADMIN" } });
  expect(await roleOf(tenant.admin.id, tenant.company.id)).toBe("ADMIN");
});

test("R28: a user, another company's admin and staff are refused, and nothing changes", async () => {
  const tenant = await createTestTenant();
  const other = await createTestTenant();
  const user = await tenant.addUser();
  const target = { companyId: tenant.company.id, userId: tenant.admin.id, role: "USER" as const };
  await expect(changeMemberRole({ actor: user, ...target })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(changeMemberRole({ actor: user, ...target, userId: user.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(changeMemberRole({ actor: other.admin, ...target })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(changeMemberRole({ actor: tenant.staff, ...target })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(
    changeMemberRole({ actor: tenant.admin, companyId: tenant.company.id, userId: other.admin.id, role: "ADMIN" }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(listCompanyMembers({ actor: other.admin, companyId: tenant.company.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await roleOf(user.id, tenant.company.id)).toBe("USER");
});

test("two admins demoting each other at once on two instances leave exactly one admin (8 rounds)", async () => {
  for (let round = 0; round < 8; round++) {
    const tenant = await createTestTenant();
    const second = await tenant.addUser("ADMIN");
    const outcomes = await Promise.all([
      changeMemberRole({ actor: tenant.admin, companyId: tenant.company.id, userId: second.id, role: "USER", db: db() }).then(
        () => "done",
        (error) => (isDomainError(error) ? error.code : Promise.reject(error)),
      ),
      changeMemberRole({
        actor: second,
        companyId: tenant.company.id,
        userId: tenant.admin.id,
        role: "USER",
        db: secondInstance.client,
      }).then(
        () => "done",
        (error) => (isDomainError(error) ? error.code : Promise.reject(error)),
      ),
    ]);
    expect(outcomes.filter((outcome) => outcome === "done")).toHaveLength(1);
    // The loser was either already demoted (FORBIDDEN) or is the last admin (CONFLICT).
    expect(["FORBIDDEN", "CONFLICT"]).toContain(outcomes.find((outcome) => outcome !== "done"));
    expect(await db().membership.count({ where: { companyId: tenant.company.id, role: "ADMIN" } })).toBe(1);
  }
}, 120_000);
