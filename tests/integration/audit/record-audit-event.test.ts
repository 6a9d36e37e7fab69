import { expect, test } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("records who did what in which company, and the trail cannot be edited or deleted (R24)", async () => {
  const tenant = await createTestTenant();
  await recordAuditEvent({
    event: {
      action: "member.added",
      companyId: tenant.company.id,
      actorId: tenant.admin.id,
      subjectUserId: tenant.staff.id,
      data: { role: "USER" },
    },
  });
  const event = await db().auditEvent.findFirstOrThrow({ where: { companyId: tenant.company.id, subjectUserId: tenant.staff.id } });
  expect(event).toMatchObject({ action: "member.added", actorId: tenant.admin.id, data: { role: "USER" } });

  await expect(db().auditEvent.update({ where: { id: event.id }, data: { action: "license.created" } })).rejects.toThrow(/append-only/);
  await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  expect(await db().auditEvent.findUnique({ where: { id: event.id } })).toMatchObject({ action: "member.added" });
});
