// Demo data for a first `npm start`: two companies, every license type, ~50 users, devices and leases, made
// by the domain use cases in one transaction (an interrupted seed leaves nothing behind).
import "server-only";
import type { License, PrismaClient, User } from "@prisma/client";
import { createAccount } from "@/lib/accounts/create-account";
import { activateLicense } from "@/lib/activations/activate-license";
import type { AssignmentChange } from "@/lib/assignments/assignment-change";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { hashPassword } from "@/lib/auth/password";
import { systemClock, type Clock } from "@/lib/clock";
import { createCompany } from "@/lib/companies/create-company";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { belgianDemoColleagues, dutchDemoColleagues, type DemoPerson } from "@/lib/demo/demo-people";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { ensureProductCatalogue } from "@/lib/products/ensure-product-catalogue";

export const DEMO_PASSWORD = "Demo-Password-2026";
export const DEMO_STAFF_EMAIL = "staff@demo.example";
export const DEMO_ADMIN_EMAIL = "admin@demo.example";
export const DEMO_USER_EMAIL = "user@demo.example";

export type DemoLogin = { email: string; password: string; description: string };
export type SeedResult = { seeded: boolean; logins: DemoLogin[] };

const demoLogins: DemoLogin[] = [
  { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD, description: "Anna de Vries: software administrator of both companies (NL and BE)" },
  {
    email: DEMO_USER_EMAIL,
    password: DEMO_PASSWORD,
    description: "Jan Jansen: user in Bouwbedrijf De Vries B.V. with web and desktop licenses",
  },
  { email: DEMO_STAFF_EMAIL, password: DEMO_PASSWORD, description: "Back-office staff of the vendor" },
];

const DEMO_SEED_LOCK_KEY = 72_253_114_004;
const DAY_MS = 24 * 60 * 60 * 1000;
// A whole seed in one transaction takes a few seconds; give it room on a slow machine.
const SEED_TRANSACTION_LIMITS = { maxWait: 20_000, timeout: 120_000 } as const;

export async function seedDemoData(options: { clock?: Clock; log?: (line: string) => void; db?: PrismaClient } = {}): Promise<SeedResult> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const client = options.db ?? processDb();
  // Hashed once for every registered demo user: Argon2id costs ~60 ms per hash by design.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return client.$transaction(async (transaction) => {
    // A second instance seeding at once waits here, then sees the companies and seeds nothing.
    await transaction.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK_KEY})`;
    if ((await transaction.company.count()) > 0) {
      // Not an empty database: leave it alone, but still show the demo logins if they exist.
      const hasDemoAccounts = (await transaction.user.count({ where: { email: DEMO_ADMIN_EMAIL } })) > 0;
      return { seeded: false, logins: hasDemoAccounts ? demoLogins : [] };
    }
    await seedInto({ db: transaction, clock, log, passwordHash });
    return { seeded: true, logins: demoLogins };
  }, SEED_TRANSACTION_LIMITS);
}

type SeedContext = { db: DbClient; clock: Clock; log: (line: string) => void; passwordHash: string };
type Company = Awaited<ReturnType<typeof createCompany>>;
/** Who the seed made: the vendor's staff, the two companies, their admin Anna, Jan and the colleagues of each. */
type DemoPeople = { staff: User; anna: User; jan: User; dutch: Company; belgian: Company; nl: User[]; be: User[] };

async function seedInto(context: SeedContext): Promise<void> {
  await ensureProductCatalogue({ db: context.db });
  const people = await seedPeople(context);
  const tools = seedTools(context, people.staff);
  await seedDutchLicenses(context, tools, people);
  await seedBelgianLicenses(context, tools, people);
}

async function seedPeople(context: SeedContext): Promise<DemoPeople> {
  const { db, clock, log } = context;
  const register = (person: Omit<DemoPerson, "isRegistered">, isStaff = false) =>
    createAccount({ ...person, credentials: { passwordHash: context.passwordHash }, isStaff, clock, db });
  const staff = await register(
    { email: DEMO_STAFF_EMAIL, firstName: "Lars", lastName: "Verkoop", title: "MR", position: "Backoffice", language: "nl" },
    true,
  );

  const dutch = await createCompany({ actor: staff, name: "Bouwbedrijf De Vries B.V.", country: "NL", sapAccountNumber: "0001000001", db });
  const belgian = await createCompany({ actor: staff, name: "Constructie Peeters NV", country: "BE", sapAccountNumber: "0002000001", db });
  log("demo: companies created");

  // R11: one person contact of both companies, added by the back office as their first admin.
  const anna = await register({
    email: DEMO_ADMIN_EMAIL,
    firstName: "Anna",
    lastName: "de Vries",
    title: "MS",
    position: "Softwarebeheerder",
    language: "nl",
  });
  for (const company of [dutch, belgian]) {
    await addCompanyMember({ actor: staff, companyId: company.id, email: anna.email, role: "ADMIN", clock, db });
  }
  const jan = await register({
    email: DEMO_USER_EMAIL,
    firstName: "Jan",
    lastName: "Jansen",
    title: "MR",
    position: "Constructeur",
    language: "nl",
  });
  await addCompanyMember({ actor: anna, companyId: dutch.id, email: jan.email, clock, db });

  const addColleagues = async (companyId: string, people: DemoPerson[]) => {
    const users: User[] = [];
    for (const person of people) {
      const { isRegistered, email, ...contact } = person;
      if (isRegistered) await register(person);
      // R14: a registered identity is added at once; anyone else becomes an invited contact.
      const added = await addCompanyMember({ actor: anna, companyId, email, contact: isRegistered ? undefined : contact, clock, db });
      users.push(added.user);
    }
    return users;
  };
  const nl = await addColleagues(dutch.id, dutchDemoColleagues);
  const be = await addColleagues(belgian.id, belgianDemoColleagues);
  log(`demo: ${nl.length + 2} users in ${dutch.name}, ${be.length + 1} in ${belgian.name}`);
  return { staff, anna, jan, dutch, belgian, nl, be };
}

/** Licenses valid for the coming ten months, assignments as changes, activations on named machines. */
function seedTools(context: SeedContext, staff: User) {
  const { db, clock } = context;
  const now = clock.now();
  const validity = { validFrom: new Date(now.getTime() - 60 * DAY_MS), validUntil: new Date(now.getTime() + 305 * DAY_MS), clock, db };
  return {
    license: (groupId: string, productCode: Parameters<typeof createLicense>[0]["productCode"], type: License["type"], seats = 1) =>
      createLicense({ actor: staff, groupId, productCode, type, seats, ...validity }),
    assign: (licenseToAssign: License, users: User[]): AssignmentChange[] =>
      users.map((user) => ({ licenseId: licenseToAssign.id, userId: user.id, assigned: true })),
    activate: (user: User, key: string | null, fingerprint: string, hostname: string) =>
      activateLicense({ actor: user, activationKey: key!, fingerprint, hostname, clock, db }),
  };
}

async function seedDutchLicenses(context: SeedContext, tools: ReturnType<typeof seedTools>, people: DemoPeople): Promise<void> {
  const { db, clock, log } = context;
  const { license, assign, activate } = tools;
  const { staff, anna, jan, dutch } = people;
  const colleague = (index: number) => people.nl[index]!;

  // Group 1: each of the four license types of the manual (SPEC §3).
  const dutchGroup = await createLicenseGroup({
    actor: staff,
    companyId: dutch.id,
    name: "Licentiegroep 1",
    sapAccountNumber: "0001000001",
    orderReference: "4500012345",
    db,
  });
  const engineeringNamed = await license(dutchGroup.id, "PROFIS_ENGINEERING", "NAMED_USER", 5);
  const engineeringFloating = await license(dutchGroup.id, "PROFIS_ENGINEERING", "FLOATING", 3);
  const layoutNodeLocked = [
    await license(dutchGroup.id, "PROFIS_LAYOUT_OFFICE", "NODE_LOCKED"),
    await license(dutchGroup.id, "PROFIS_LAYOUT_OFFICE", "NODE_LOCKED"),
    await license(dutchGroup.id, "PROFIS_LAYOUT_OFFICE", "NODE_LOCKED"),
  ] as const;
  const detectionFloating = await license(dutchGroup.id, "PROFIS_DETECTION_OFFICE", "FLOATING", 2);
  await saveAssignments({
    actor: anna,
    groupId: dutchGroup.id,
    expectedVersion: dutchGroup.version,
    changes: [
      // 4 of 5 named seats, one of them for an invited colleague (R17 "Invitation sent").
      ...assign(engineeringNamed, [anna, jan, colleague(0), colleague(2)]),
      ...assign(engineeringFloating, [anna, ...[1, 3, 4, 6, 7, 9, 10, 11, 12, 13, 14].map(colleague)]),
      ...assign(layoutNodeLocked[0], [jan]),
      ...assign(layoutNodeLocked[1], [colleague(4)]),
      ...assign(layoutNodeLocked[2], [colleague(5)]),
      ...assign(detectionFloating, [jan, ...[6, 7, 8, 9, 10].map(colleague)]),
    ],
    clock,
    db,
  });

  const smallerGroup = await createLicenseGroup({
    actor: staff,
    companyId: dutch.id,
    name: "Licentiegroep 2",
    sapAccountNumber: "0001000001",
    orderReference: "4500067890",
    db,
  });
  const smallerNamed = await license(smallerGroup.id, "PROFIS_ENGINEERING", "NAMED_USER", 2);
  const smallerLayout = await license(smallerGroup.id, "PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  await saveAssignments({
    actor: anna,
    groupId: smallerGroup.id,
    expectedVersion: smallerGroup.version,
    changes: [...assign(smallerNamed, [colleague(20), colleague(21)]), ...assign(smallerLayout, [colleague(22)])],
    clock,
    db,
  });

  // Devices (R3, R5): node-locked activations on two machines, a floating desktop license
  // activated on two machines; Jan's laptop holds a floating seat and Anna a browser seat (R2).
  const janLaptop = await activate(jan, layoutNodeLocked[0].activationKey, "demo-fingerprint-jan-laptop", "NL-LT-JJANSEN");
  await activate(colleague(4), layoutNodeLocked[1].activationKey, "demo-fingerprint-daan-workstation", "NL-WS-DVANDIJK");
  await activate(colleague(22), smallerLayout.activationKey, "demo-fingerprint-jesse-laptop", "NL-LT-JVDLINDEN");
  await activate(jan, detectionFloating.activationKey, "demo-fingerprint-jan-laptop", "NL-LT-JJANSEN");
  await activate(colleague(6), detectionFloating.activationKey, "demo-fingerprint-lucas-workstation", "NL-WS-LMEIJER");
  await acquireLease({ userId: jan.id, licenseId: detectionFloating.id, holder: { deviceId: janLaptop.device.id }, clock, db });
  await acquireLease({
    userId: anna.id,
    licenseId: engineeringFloating.id,
    holder: { browserSessionId: "demo-browser-session-anna" },
    clock,
    db,
  });
  log("demo: license groups, assignments, devices and leases of the Dutch company created");
}

/** One group with a named web license and a floating desktop license. */
async function seedBelgianLicenses(context: SeedContext, tools: ReturnType<typeof seedTools>, people: DemoPeople): Promise<void> {
  const { db, clock, log } = context;
  const { license, assign, activate } = tools;
  const { staff, anna, belgian } = people;
  const belgianGroup = await createLicenseGroup({
    actor: staff,
    companyId: belgian.id,
    name: "Licentiegroep 1",
    sapAccountNumber: "0002000001",
    orderReference: "4500098765",
    db,
  });
  const belgianNamed = await license(belgianGroup.id, "PROFIS_ENGINEERING", "NAMED_USER", 3);
  const belgianDetection = await license(belgianGroup.id, "PROFIS_DETECTION_OFFICE", "FLOATING", 2);
  const [pieter, severine, lies, thomas] = people.be as [User, User, User, User];
  await saveAssignments({
    actor: anna,
    groupId: belgianGroup.id,
    expectedVersion: belgianGroup.version,
    changes: [...assign(belgianNamed, [anna, pieter, severine]), ...assign(belgianDetection, [pieter, lies, thomas])],
    clock,
    db,
  });
  await activate(pieter, belgianDetection.activationKey, "demo-fingerprint-pieter-laptop", "BE-LT-PPEETERS");
  log("demo: license group of the Belgian company created");
}
