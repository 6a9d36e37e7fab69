// Decision 008: the group page's users arrive in keyset pages. Every page is in the grid's name
// order, pages neither repeat nor skip anyone (also when people join between two pages), each page
// carries the group version of its own snapshot (R26), and each checks the admin again (R28).
import { expect, test } from "vitest";
import { getLicenseGroupGrid, getLicenseGroupGridHead } from "@/lib/assignments/get-license-group-grid";
import type { GridUserPage } from "@/lib/assignments/license-group-grid";
import { listLicenseGroupUserPage, type GridUserCursor } from "@/lib/assignments/list-license-group-user-page";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { streamLicenseGroupUserPages } from "@/lib/assignments/stream-license-group-user-pages";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { createLicense } from "@/lib/licenses/create-license";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { createTestTenant, uniqueName, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const missingId = "00000000-0000-0000-0000-000000000000";

/** A contact with these names (R14's second path), so the test chooses the sort order. */
async function addPerson(tenant: TestTenant, firstName: string, lastName: string, emailPrefix = "person") {
  const { user } = await addCompanyMember({
    actor: tenant.admin,
    companyId: tenant.company.id,
    email: `${uniqueName(emailPrefix)}@test.example`,
    contact: { title: "MR", firstName, lastName, position: "Constructeur", language: "nl" },
  });
  return user;
}

async function readAllPages(tenant: TestTenant, limit: number) {
  const pages: Awaited<ReturnType<typeof listLicenseGroupUserPage>>[] = [];
  let after: GridUserCursor | null = null;
  do {
    const page = await listLicenseGroupUserPage({ actor: tenant.admin, groupId: tenant.group.id, after, limit });
    pages.push(page);
    after = page.nextCursor;
  } while (after);
  return pages;
}

test("pages of 4 are the whole list in the grid's name order, without repeats or gaps", async () => {
  const tenant = await createTestTenant();
  // Display names "first last", lower-cased; equal names fall back to the email, which is unique.
  for (const [first, last] of [
    ["zoe", "Adams"],
    ["Bram", "Visser"],
    ["anna", "de Vries"],
    ["Anna", "de Vries"],
    ["Anna", "Bakker"],
    ["Carla", "Zwart"],
    ["bram", "Aalders"],
    ["Dirk", "Mol"],
    ["Eva", "Smit"],
    ["Frank", "Jansen"],
  ]) {
    await addPerson(tenant, first!, last!);
  }

  const pages = await readAllPages(tenant, 4);
  const full = await listLicenseGroupUserPage({ actor: tenant.admin, groupId: tenant.group.id, limit: null });

  // 11 members (the admin "Admin Person" too): 4 + 4 + 3, the last page says nothing follows.
  expect(pages.map((page) => page.users.length)).toEqual([4, 4, 3]);
  expect(pages.map((page) => page.nextCursor === null)).toEqual([false, false, true]);
  const paged = pages.flatMap((page) => page.users);
  expect(new Set(paged.map((user) => user.id)).size).toBe(11);
  expect(paged.map((user) => user.id)).toEqual(full.users.map((user) => user.id));
  expect(full.nextCursor).toBeNull();
  const key = (user: { firstName: string; lastName: string; email: string }) =>
    [`${user.firstName} ${user.lastName}`.toLowerCase(), user.email] as const;
  const expected = full.users.toSorted((left, right) => {
    const [a, b] = [key(left), key(right)];
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  });
  expect(full.users.map((user) => user.id)).toEqual(expected.map((user) => user.id));
  // By first name as the grid shows it ("Anna Bakker" before "Anna de Vries"), not by last name.
  expect(full.users.map((user) => `${user.firstName} ${user.lastName}`.toLowerCase())).toEqual([
    "admin person",
    "anna bakker",
    "anna de vries",
    "anna de vries",
    "bram aalders",
    "bram visser",
    "carla zwart",
    "dirk mol",
    "eva smit",
    "frank jansen",
    "zoe adams",
  ]);
});

test("people who join between two pages are never shown twice; a newcomer after the cursor is shown, one before it next time", async () => {
  const tenant = await createTestTenant();
  for (const first of ["Bas", "Cor", "Daan", "Eef", "Fien", "Gijs"]) await addPerson(tenant, first, "Test");
  const first = await listLicenseGroupUserPage({ actor: tenant.admin, groupId: tenant.group.id, limit: 3 });
  expect(first.users.map((user) => user.firstName)).toEqual(["Admin", "Bas", "Cor"]);

  const early = await addPerson(tenant, "Aart", "Test"); // sorts before the cursor: next time
  const late = await addPerson(tenant, "Hein", "Test"); // sorts after it: in this read
  const rest: string[] = [];
  let after = first.nextCursor;
  while (after) {
    const page = await listLicenseGroupUserPage({ actor: tenant.admin, groupId: tenant.group.id, after, limit: 3 });
    rest.push(...page.users.map((user) => user.id));
    after = page.nextCursor;
  }
  const all = [...first.users.map((user) => user.id), ...rest];
  expect(new Set(all).size).toBe(all.length);
  expect(all).toContain(late.id);
  expect(all).not.toContain(early.id);
});

test("R13/R17: a page holds only this group's active assignments and the invitation state; the version is the page's own (R26)", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 3);
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 2);
  // Another group of the same company: its licenses are not this grid's.
  const otherGroup = await createLicenseGroup({ actor: tenant.staff, companyId: tenant.company.id, name: uniqueName("Group") });
  const elsewhere = await createLicense({
    actor: tenant.staff,
    groupId: otherGroup.id,
    productCode: "PROFIS_ENGINEERING",
    type: "NAMED_USER",
    seats: 3,
  });
  const jan = await addPerson(tenant, "Jan", "Jansen");
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [
      { licenseId: named.id, userId: jan.id, assigned: true },
      { licenseId: floating.id, userId: jan.id, assigned: true },
    ],
  });
  await saveAssignments({
    actor: tenant.admin,
    groupId: otherGroup.id,
    expectedVersion: 0,
    changes: [{ licenseId: elsewhere.id, userId: jan.id, assigned: true }],
  });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 1,
    changes: [{ licenseId: floating.id, userId: jan.id, assigned: false }],
  });

  const first = await listLicenseGroupUserPage({ actor: tenant.admin, groupId: tenant.group.id, limit: 1 });
  expect(first.groupVersion).toBe(2);
  const second = await listLicenseGroupUserPage({ actor: tenant.admin, groupId: tenant.group.id, after: first.nextCursor, limit: 1 });
  expect(second.users).toEqual([
    expect.objectContaining({
      id: jan.id,
      firstName: "Jan",
      lastName: "Jansen",
      isRegistered: false,
      assignedLicenseIds: [named.id],
      invitation: { status: "PENDING", at: expect.any(String) },
    }),
  ]);

  // Someone saves between two pages: the later page says so by its version.
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 2,
    changes: [{ licenseId: floating.id, userId: tenant.admin.id, assigned: true }],
  });
  const again = await listLicenseGroupUserPage({ actor: tenant.admin, groupId: tenant.group.id, after: first.nextCursor, limit: 1 });
  expect(again.groupVersion).toBe(3);
  // An empty page (after the last user) still reports the version.
  const beyond = await listLicenseGroupUserPage({
    actor: tenant.admin,
    groupId: tenant.group.id,
    after: { sortName: "\u{10FFFF}", email: "", id: missingId },
    limit: 5,
  });
  expect(beyond).toEqual({ users: [], groupVersion: 3, nextCursor: null });
});

test("R28: every page checks the actor: another company's admin and a malformed or missing group get NOT_FOUND, a plain user FORBIDDEN", async () => {
  const a = await createTestTenant();
  const b = await createTestTenant();
  const plain = await a.addUser("USER");
  await addPerson(a, "Anna", "Alpha");
  const first = await listLicenseGroupUserPage({ actor: a.admin, groupId: a.group.id, limit: 1 });
  expect(first.nextCursor).not.toBeNull();
  // B's admin holding a cursor of A's list still gets nothing: the company comes from the group.
  await expect(listLicenseGroupUserPage({ actor: b.admin, groupId: a.group.id, after: first.nextCursor, limit: 10 })).rejects.toMatchObject(
    { code: "NOT_FOUND" },
  );
  await expect(listLicenseGroupUserPage({ actor: b.admin, groupId: a.group.id, limit: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(listLicenseGroupUserPage({ actor: a.admin, groupId: missingId, limit: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(listLicenseGroupUserPage({ actor: a.admin, groupId: "not-a-uuid", limit: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(listLicenseGroupUserPage({ actor: plain, groupId: a.group.id, limit: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(getLicenseGroupGridHead({ actor: b.admin, groupId: a.group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(streamLicenseGroupUserPages({ actor: b.admin, groupId: a.group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  // B's own pages never show A's people.
  const own = await listLicenseGroupUserPage({ actor: b.admin, groupId: b.group.id, limit: 10 });
  expect(own.users.map((user) => user.id)).toEqual([b.admin.id]);
});

test("decision 008: the head counts the members; the stream's pages chain to the whole list, carrying only what a grid row shows", async () => {
  const tenant = await createTestTenant();
  for (const first of ["Ada", "Ben", "Cas", "Dora", "Emma", "Finn", "Gert"]) await addPerson(tenant, first, "Stream");
  const head = await getLicenseGroupGridHead({ actor: tenant.admin, groupId: tenant.group.id });
  expect(head).toMatchObject({
    group: { id: tenant.group.id, version: 0 },
    company: { id: tenant.company.id },
    licenses: [],
    userCount: 8,
  });

  const sizes: number[] = [];
  const ids: string[] = [];
  let page: GridUserPage | null = await streamLicenseGroupUserPages({
    actor: tenant.admin,
    groupId: tenant.group.id,
    firstPageSize: 2,
    pageSize: 3,
  });
  while (page) {
    sizes.push(page.users.length);
    ids.push(...page.users.map((user) => user.id));
    expect(page.groupVersion).toBe(0);
    for (const user of page.users)
      expect(Object.keys(user).sort()).toEqual([
        "assignedLicenseIds",
        "email",
        "firstName",
        "id",
        "invitation",
        "isRegistered",
        "lastName",
      ]);
    page = page.next ? await page.next : null;
  }
  expect(sizes).toEqual([2, 3, 3]);
  const grid = await getLicenseGroupGrid({ actor: tenant.admin, groupId: tenant.group.id });
  expect(ids).toEqual(grid.users.map((user) => user.id));

  // When nobody reads on (the response ended), the next page is an error, never a shorter list.
  const controller = new AbortController();
  const aborted = await streamLicenseGroupUserPages({
    actor: tenant.admin,
    groupId: tenant.group.id,
    firstPageSize: 2,
    pageSize: 2,
    signal: controller.signal,
  });
  controller.abort(new Error("response ended"));
  // The second page was already on its way when the first arrived; the third is never read.
  const second = await aborted.next!;
  expect(second.users).toHaveLength(2);
  await expect(second.next).rejects.toThrow("response ended");
});
