// R24: the company's audit trail for its admins: filters, keyset pages, and R28.
import { expect, test } from "vitest";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { auditLogCsvChunks, type AuditCsvLabels } from "@/lib/csv/audit-log-csv";
import { db } from "@/lib/db/client";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("R24: newest first, filtered by user (actor or subject, by name or email), license and action", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const desktop = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const [jan, zoe] = [await tenant.addUser(), await tenant.addInvitedUser()];
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [
      { licenseId: named.id, userId: jan.id, assigned: true },
      { licenseId: desktop.id, userId: jan.id, assigned: true },
      { licenseId: named.id, userId: zoe.id, assigned: true },
    ],
  });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 1,
    changes: [{ licenseId: named.id, userId: jan.id, assigned: false }],
  });

  const all = await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id });
  expect(all.events[0]).toMatchObject({
    action: "assignment.revoked",
    actor: { id: tenant.admin.id, name: "Admin Person", email: tenant.admin.email },
    subject: { id: jan.id, email: jan.email },
    license: { id: named.id, productName: "PROFIS Engineering", type: "NAMED_USER" },
    data: { groupId: tenant.group.id },
  });
  const times = all.events.map((event) => event.at);
  expect(times).toEqual(times.toSorted().toReversed());

  const aboutJan = await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id, filters: { user: jan.email.toUpperCase() } });
  expect(aboutJan.events.map((event) => event.action).sort()).toEqual([
    "assignment.granted",
    "assignment.granted",
    "assignment.revoked",
    "member.added",
  ]);
  const byAdminName = await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id, filters: { user: "admin pers" } });
  const adminEvents = await db().auditEvent.count({
    where: { companyId: tenant.company.id, OR: [{ actorId: tenant.admin.id }, { subjectUserId: tenant.admin.id }] },
  });
  expect(byAdminName.events).toHaveLength(adminEvents);
  const desktopOnly = await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id, filters: { licenseId: desktop.id } });
  expect(desktopOnly.events.map((event) => event.action)).toEqual(["assignment.granted", "license.created"]);
  const revoked = await listAuditEvents({
    actor: tenant.admin,
    companyId: tenant.company.id,
    filters: { action: "assignment.revoked", user: jan.email },
  });
  expect(revoked.events).toHaveLength(1);
  // LIKE wildcards typed by the admin are taken literally.
  expect((await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id, filters: { user: "%" } })).events).toEqual([]);
  await expect(
    listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id, filters: { action: "nope" as never } }),
  ).rejects.toMatchObject({ code: "INVALID" });
});

test("R24: keyset pages cover every event exactly once, also for events in the same millisecond", async () => {
  const tenant = await createTestTenant();
  const at = new Date("2026-05-01T10:00:00Z");
  await recordAuditEvents({
    events: Array.from({ length: 25 }, (_, index) => ({
      action: "member.added" as const,
      companyId: tenant.company.id,
      actorId: tenant.admin.id,
      at: index < 10 ? at : new Date(at.getTime() + index),
      data: { index },
    })),
  });
  const total = await db().auditEvent.count({ where: { companyId: tenant.company.id } });

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id, cursor, limit: 4 });
    expect(page.events.length).toBeLessThanOrEqual(4);
    seen.push(...page.events.map((event) => event.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
  // A cursor that does not decode starts again from the newest.
  expect((await listAuditEvents({ actor: tenant.admin, companyId: tenant.company.id, cursor: "garbage", limit: 1 })).events[0]!.id).toBe(
    seen[0],
  );
});

test("R28: another company's admin gets NOT_FOUND for A's audit trail and never sees A's events; a plain user is forbidden", async () => {
  const a = await createTestTenant();
  const b = await createTestTenant();
  const named = await a.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const user = await a.addUser();
  await saveAssignments({
    actor: a.admin,
    groupId: a.group.id,
    expectedVersion: 0,
    changes: [{ licenseId: named.id, userId: user.id, assigned: true }],
  });

  await expect(listAuditEvents({ actor: b.admin, companyId: a.company.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(listAuditEvents({ actor: user, companyId: a.company.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(listAuditEvents({ actor: a.admin, companyId: "not-an-id" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  // B filtering its own trail by A's license or user finds nothing of A's.
  const own = await listAuditEvents({ actor: b.admin, companyId: b.company.id, filters: { licenseId: named.id } });
  expect(own.events).toEqual([]);
  const byUser = await listAuditEvents({ actor: b.admin, companyId: b.company.id, filters: { user: user.email } });
  expect(byUser.events).toEqual([]);
});

test("R24: the CSV export applies the filters, guards formula cells and refuses another company before writing a byte", async () => {
  const a = await createTestTenant();
  const b = await createTestTenant();
  const named = await a.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const user = await a.addUser();
  await db().user.update({ where: { id: user.id }, data: { firstName: "=HYPERLINK(1)", lastName: "" } });
  await saveAssignments({
    actor: a.admin,
    groupId: a.group.id,
    expectedVersion: 0,
    changes: [{ licenseId: named.id, userId: user.id, assigned: true }],
  });
  const labels = {
    columns: [
      "when",
      "action",
      "actor",
      "actorEmail",
      "subject",
      "subjectEmail",
      "product",
      "type",
      "licenseId",
      "reason",
      "details",
    ] as AuditCsvLabels["columns"],
    actionName: (action: string) => `<${action}>`,
    licenseTypeName: (type: string) => type,
  };

  // Dutch readers get semicolons, English ones commas (the list separator Excel expects there).
  for (const separator of [";", ","] as const) {
    let csv = "";
    for await (const chunk of await auditLogCsvChunks({
      actor: a.admin,
      companyId: a.company.id,
      filters: { action: "assignment.granted" },
      labels,
      separator,
    }))
      csv += chunk;
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(`\uFEFF${labels.columns.join(separator)}`);
    expect(lines).toHaveLength(2);
    const cells = [
      "<assignment.granted>",
      "Admin Person",
      a.admin.email,
      "'=HYPERLINK(1)",
      user.email,
      "PROFIS Engineering",
      "NAMED_USER",
      named.id,
      "",
    ];
    expect(lines[1]).toContain(`${separator}${cells.join(separator)}${separator}`);
  }

  await expect(auditLogCsvChunks({ actor: b.admin, companyId: a.company.id, filters: {}, labels, separator: ";" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
});
