import { beforeAll, expect, test } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import {
  DEMO_ADMIN_EMAIL,
  DEMO_PASSWORD,
  DEMO_STAFF_EMAIL,
  DEMO_USER_EMAIL,
  seedDemoData,
  type SeedResult,
} from "@/lib/demo/seed-demo-data";
import { ACTIVATION_KEY_PATTERN } from "@/lib/licenses/activation-key";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const clock = fixedClock();
let firstRun: SeedResult;
beforeAll(async () => {
  firstRun = await seedDemoData({ clock });
}, 60_000);

async function companyNamed(name: string) {
  return db().company.findFirstOrThrow({ where: { name } });
}

test("seeds once and hands out the demo logins, which work with the demo password", async () => {
  expect(firstRun.seeded).toBe(true);
  expect(firstRun.logins.map((login) => login.email).sort()).toEqual([DEMO_ADMIN_EMAIL, DEMO_STAFF_EMAIL, DEMO_USER_EMAIL].sort());
  for (const login of firstRun.logins) {
    const user = await db().user.findUniqueOrThrow({ where: { email: login.email } });
    expect(await verifyPassword(user.passwordHash!, login.password)).toBe(true);
    expect(login.password).toBe(DEMO_PASSWORD);
  }
  expect(await db().user.findUniqueOrThrow({ where: { email: DEMO_STAFF_EMAIL }, include: { memberships: true } })).toMatchObject({
    isStaff: true,
    memberships: [],
  });
});

test("two companies (NL, BE) with one person admin of both, and about 50 users in the Dutch one, registered and invited", async () => {
  const dutch = await companyNamed("Bouwbedrijf De Vries B.V.");
  const belgian = await companyNamed("Constructie Peeters NV");
  expect(dutch).toMatchObject({ country: "NL", sapAccountNumber: "0001000001" });
  expect(belgian).toMatchObject({ country: "BE", sapAccountNumber: "0002000001" });
  expect(await db().company.count()).toBe(2);

  const anna = await db().user.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL }, include: { memberships: true } });
  expect(anna.memberships.map((membership) => [membership.companyId, membership.role]).sort()).toEqual(
    [
      [belgian.id, "ADMIN"],
      [dutch.id, "ADMIN"],
    ].sort(),
  );
  const jan = await db().user.findUniqueOrThrow({ where: { email: DEMO_USER_EMAIL }, include: { memberships: true } });
  expect(jan.memberships).toMatchObject([{ companyId: dutch.id, role: "USER" }]);

  const dutchMembers = await db().membership.findMany({ where: { companyId: dutch.id }, include: { user: true } });
  expect(dutchMembers.length).toBeGreaterThanOrEqual(45);
  expect(dutchMembers.length).toBeLessThanOrEqual(55);
  const invited = dutchMembers.filter((membership) => membership.user.passwordHash === null);
  expect(invited.length).toBeGreaterThanOrEqual(10);
  expect(dutchMembers.length - invited.length).toBeGreaterThanOrEqual(30);
  expect(dutchMembers.map((membership) => membership.user.firstName)).toEqual(expect.arrayContaining(["José", "Zoë", "Özlem"]));
  expect(await db().membership.count({ where: { companyId: belgian.id } })).toBeGreaterThanOrEqual(4);
});

test("license groups hold each of the four license types of the manual's three products", async () => {
  const dutch = await companyNamed("Bouwbedrijf De Vries B.V.");
  const belgian = await companyNamed("Constructie Peeters NV");
  const kinds = async (companyId: string) => {
    const licenses = await db().license.findMany({ where: { group: { companyId } }, include: { product: true } });
    return new Set(licenses.map((license) => `${license.product.code}:${license.type}`));
  };
  expect(await db().licenseGroup.findMany({ where: { companyId: dutch.id }, select: { name: true }, orderBy: { name: "asc" } })).toEqual([
    { name: "Licentiegroep 1" },
    { name: "Licentiegroep 2" },
  ]);
  expect([...(await kinds(dutch.id))].sort()).toEqual([
    "PROFIS_DETECTION_OFFICE:FLOATING",
    "PROFIS_ENGINEERING:FLOATING",
    "PROFIS_ENGINEERING:NAMED_USER",
    "PROFIS_LAYOUT_OFFICE:NODE_LOCKED",
  ]);
  expect([...(await kinds(belgian.id))].sort()).toEqual(["PROFIS_DETECTION_OFFICE:FLOATING", "PROFIS_ENGINEERING:NAMED_USER"]);
  expect(await db().product.count()).toBe(3);
});

test("there are devices with node-locked activations and live floating leases of a device and of a browser session", async () => {
  expect(await db().device.count()).toBeGreaterThanOrEqual(3);
  expect(await db().activation.count({ where: { licenseType: "NODE_LOCKED", deactivatedAt: null } })).toBeGreaterThanOrEqual(2);
  const live = await db().floatingLease.findMany({ where: { releasedAt: null, expiresAt: { gt: clock.now() } } });
  expect(live.filter((lease) => lease.deviceId !== null)).toHaveLength(1);
  expect(live.filter((lease) => lease.browserSessionId !== null)).toHaveLength(1);
});

test("every row satisfies the domain's invariants, because the seed went through the domain", async () => {
  const licenses = await db().license.findMany({
    include: {
      product: true,
      group: true,
      assignments: { where: { revokedAt: null } },
      activations: { where: { deactivatedAt: null } },
      leases: { where: { releasedAt: null, expiresAt: { gt: clock.now() } } },
    },
  });
  const memberships = await db().membership.findMany();
  const isMember = (userId: string, companyId: string) =>
    memberships.some((membership) => membership.userId === userId && membership.companyId === companyId);
  for (const license of licenses) {
    // R21: keys for desktop software only.
    if (license.product.kind === "DESKTOP") expect(license.activationKey).toMatch(ACTIVATION_KEY_PATTERN);
    else expect(license.activationKey).toBeNull();
    // R1/R3/R25: assignments within seats where they count; live leases within seats.
    if (license.type !== "FLOATING") expect(license.assignments.length).toBeLessThanOrEqual(license.seats);
    expect(license.leases.length).toBeLessThanOrEqual(license.seats);
    if (license.type === "NODE_LOCKED") expect(license.activations.length).toBeLessThanOrEqual(1);
    const assignees = new Set(license.assignments.map((assignment) => assignment.userId));
    // R15/R28: licenses go to the company's own users, and only assignees activate or hold seats.
    for (const userId of assignees) expect(isMember(userId, license.group.companyId)).toBe(true);
    for (const activation of license.activations) expect(assignees.has(activation.userId)).toBe(true);
    for (const lease of license.leases) expect(assignees.has(lease.userId)).toBe(true);
  }
  // R17: contacts without an account are marked invited; accounts are verified Argon2id identities.
  const members = await db().membership.findMany({ include: { user: true } });
  for (const membership of members) {
    if (membership.user.passwordHash === null) expect(membership.invitedAt).not.toBeNull();
    else expect(membership.user).toMatchObject({ passwordHash: expect.stringMatching(/^\$argon2id\$/), emailVerifiedAt: expect.any(Date) });
  }
  // R24: every user addition, assignment and activation was audited.
  const audited = async (action: string) => db().auditEvent.count({ where: { action } });
  expect(await audited("member.added")).toBe(await db().membership.count());
  expect(await audited("assignment.granted")).toBe(await db().assignment.count());
  expect(await audited("activation.created")).toBe(await db().activation.count());
  const versions = await db().licenseGroup.findMany({ select: { version: true } });
  expect(versions.every((group) => group.version >= 1)).toBe(true);
});

test("a second run seeds nothing and changes nothing, but still shows the demo logins", async () => {
  const counts = async () => ({
    users: await db().user.count(),
    licenses: await db().license.count(),
    events: await db().auditEvent.count(),
    leases: await db().floatingLease.count(),
  });
  const before = await counts();
  const secondRun = await seedDemoData({ clock });
  expect(secondRun.seeded).toBe(false);
  expect(secondRun.logins).toEqual(firstRun.logins);
  expect(await counts()).toEqual(before);
});
