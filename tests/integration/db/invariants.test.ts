// Every CHECK constraint and partial unique index of the hand-written invariants migration
// (prisma/migrations/20261128000100_invariants) rejects a row that breaks it, naming itself in the
// error, and accepts a row that keeps it. docs/ARCHITECTURE.md ("Invariants") lists the rules.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LicenseType, Prisma } from "@prisma/client";
import { beforeAll, describe, expect, test } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { namesCreatedIn } from "../../setup/schema-catalog";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();
const db = () => database.db;

const HOUR = 3_600_000;
const now = new Date("2026-11-28T09:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * HOUR);

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}`;

type Parents = { companyId: string; adminId: string; groupId: string; webProductId: string; desktopProductId: string };
let parents: Parents;

beforeAll(async () => {
  const company = await db().company.create({ data: { name: "Bouwbedrijf Jansen", country: "NL", sapAccountNumber: "100001" } });
  const admin = await db().user.create({ data: { email: "admin@jansen.nl" } });
  const web = await db().product.create({
    data: { code: "PE", name: "PROFIS Engineering", kind: "WEB", launchUrl: "https://engineering.example" },
  });
  const desktop = await db().product.create({
    data: { code: "PLO", name: "PROFIS Layout Office", kind: "DESKTOP", downloadUrl: "https://download.example" },
  });
  const group = await db().licenseGroup.create({ data: { companyId: company.id, name: "Hoofdgroep", sapAccountNumber: "100001" } });
  parents = { companyId: company.id, adminId: admin.id, groupId: group.id, webProductId: web.id, desktopProductId: desktop.id };
});

const createUser = (data: Partial<Prisma.UserUncheckedCreateInput> = {}) =>
  db().user.create({ data: { email: `${unique("user")}@jansen.nl`, ...data } });

function createLicense(type: LicenseType, data: Partial<Prisma.LicenseUncheckedCreateInput> = {}) {
  return db().license.create({
    data: {
      groupId: parents.groupId,
      productId: type === "NAMED_USER" ? parents.webProductId : parents.desktopProductId,
      type,
      seats: type === "NODE_LOCKED" ? 1 : 5,
      validFrom: now,
      validUntil: later(24 * 365),
      ...data,
    },
  });
}

const createDevice = (userId: string) =>
  db().device.create({ data: { userId, fingerprint: unique("fingerprint"), hostname: unique("host") } });

async function activate(
  license: { id: string; type: LicenseType },
  deviceId: string,
  userId: string,
  data: Partial<Prisma.ActivationUncheckedCreateInput> = {},
) {
  return db().activation.create({ data: { licenseId: license.id, licenseType: license.type, deviceId, userId, ...data } });
}

function lease(data: Partial<Prisma.FloatingLeaseUncheckedCreateInput> & { licenseId: string; userId: string }) {
  return db().floatingLease.create({ data: { acquiredAt: now, expiresAt: later(1), ...data } });
}

function order(amounts: { netCents: number; vatCents: number; totalCents: number }) {
  return db().order.create({
    data: { companyId: parents.companyId, buyerId: parents.adminId, idempotencyKey: unique("order"), vatRate: "0.2100", ...amounts },
  });
}

function email(data: Partial<Prisma.EmailMessageUncheckedCreateInput>) {
  return db().emailMessage.create({
    data: { messageId: `<${unique("message")}@portal>`, template: "invitation", toAddress: "a@b.nl", locale: "nl", payload: {}, ...data },
  });
}

/** Prisma reports CHECK violations in the message and unique violations in meta; search both. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const meta = (error as { meta?: unknown }).meta;
  return `${error.message} ${JSON.stringify(meta ?? {})}`;
}

async function expectRejected(attempt: () => Promise<unknown>, name: string): Promise<void> {
  const error = await attempt().then(
    () => undefined,
    (caught: unknown) => caught ?? new Error("rejected without a reason"),
  );
  expect(error, `the database accepted a row that breaks ${name}`).toBeDefined();
  expect(describeError(error)).toContain(name);
}

type Case = { name: string; rule: string; valid: () => Promise<unknown>; invalid: (() => Promise<unknown>)[] };

const cases: Case[] = [
  {
    name: "user_email_lowercase",
    rule: "emails are stored trimmed and lower-cased, never empty",
    valid: () => createUser({ email: "ann.devries@jansen.nl" }),
    invalid: [() => createUser({ email: "Ann@Jansen.nl" }), () => createUser({ email: " bob@jansen.nl" }), () => createUser({ email: "" })],
  },
  {
    name: "user_session_version_nonnegative",
    rule: "session version ≥ 0",
    valid: () => createUser({ sessionVersion: 0 }),
    invalid: [() => createUser({ sessionVersion: -1 })],
  },
  {
    name: "company_country_iso",
    rule: "country is ISO 3166-1 alpha-2, upper case",
    valid: () => db().company.create({ data: { name: "Jansen België", country: "BE", sapAccountNumber: unique("sap") } }),
    invalid: [
      () => db().company.create({ data: { name: "x", country: "nl", sapAccountNumber: unique("sap") } }),
      () => db().company.create({ data: { name: "x", country: "N1", sapAccountNumber: unique("sap") } }),
    ],
  },
  {
    name: "product_trial_days_nonnegative",
    rule: "trial length ≥ 0 days",
    valid: () => db().product.create({ data: { code: unique("p"), name: "p", kind: "WEB", launchUrl: "https://x", trialDays: 0 } }),
    invalid: [() => db().product.create({ data: { code: unique("p"), name: "p", kind: "WEB", launchUrl: "https://x", trialDays: -1 } })],
  },
  {
    name: "product_urls_by_kind",
    rule: "web apps have a launch URL, desktop apps a download URL",
    valid: () => db().product.create({ data: { code: unique("p"), name: "p", kind: "DESKTOP", downloadUrl: "https://x" } }),
    invalid: [
      () => db().product.create({ data: { code: unique("p"), name: "p", kind: "WEB", downloadUrl: "https://x" } }),
      () => db().product.create({ data: { code: unique("p"), name: "p", kind: "DESKTOP", launchUrl: "https://x" } }),
    ],
  },
  {
    name: "license_group_version_nonnegative",
    rule: "group version ≥ 0",
    valid: () => db().licenseGroup.create({ data: { companyId: parents.companyId, name: unique("g"), sapAccountNumber: "1", version: 0 } }),
    invalid: [
      () => db().licenseGroup.create({ data: { companyId: parents.companyId, name: unique("g"), sapAccountNumber: "1", version: -1 } }),
    ],
  },
  {
    name: "license_seats_nonnegative",
    rule: "seats ≥ 0",
    valid: () => createLicense("NAMED_USER", { seats: 0 }),
    invalid: [() => createLicense("NAMED_USER", { seats: -1 }), () => createLicense("FLOATING", { seats: -5 })],
  },
  {
    name: "license_node_locked_single_seat",
    rule: "R3: a node-locked license has exactly one seat (other types any number)",
    valid: async () => [await createLicense("NODE_LOCKED", { seats: 1 }), await createLicense("FLOATING", { seats: 25 })],
    invalid: [() => createLicense("NODE_LOCKED", { seats: 2 }), () => createLicense("NODE_LOCKED", { seats: 0 })],
  },
  {
    name: "license_validity_period",
    rule: "valid until is after valid from",
    valid: () => createLicense("NAMED_USER", { validFrom: now, validUntil: later(1) }),
    invalid: [
      () => createLicense("NAMED_USER", { validFrom: now, validUntil: now }),
      () => createLicense("NAMED_USER", { validUntil: later(-1) }),
    ],
  },
  {
    name: "license_version_nonnegative",
    rule: "license version ≥ 0",
    valid: () => createLicense("NAMED_USER", { version: 0 }),
    invalid: [() => createLicense("NAMED_USER", { version: -1 })],
  },
  {
    name: "assignment_active_unique",
    rule: "R16/R18: one active assignment per license × user; a revoked one plus a new one is fine",
    valid: async () => {
      const [license, user] = [await createLicense("NAMED_USER"), await createUser()];
      const first = await db().assignment.create({ data: { licenseId: license.id, userId: user.id, assignedAt: now } });
      await db().assignment.update({ where: { id: first.id }, data: { revokedAt: later(1), revokedById: parents.adminId } });
      return db().assignment.create({ data: { licenseId: license.id, userId: user.id } });
    },
    invalid: [
      async () => {
        const [license, user] = [await createLicense("NAMED_USER"), await createUser()];
        await db().assignment.create({ data: { licenseId: license.id, userId: user.id } });
        return db().assignment.create({ data: { licenseId: license.id, userId: user.id } });
      },
    ],
  },
  {
    name: "assignment_revoked_by_needs_revoked_at",
    rule: "whoever revoked it implies when",
    valid: async () =>
      db().assignment.create({ data: { licenseId: (await createLicense("NAMED_USER")).id, userId: (await createUser()).id } }),
    invalid: [
      async () =>
        db().assignment.create({
          data: { licenseId: (await createLicense("NAMED_USER")).id, userId: (await createUser()).id, revokedById: parents.adminId },
        }),
    ],
  },
  {
    name: "assignment_revoked_after_assigned",
    rule: "revoked at ≥ assigned at",
    valid: async () =>
      db().assignment.create({
        data: { licenseId: (await createLicense("NAMED_USER")).id, userId: (await createUser()).id, assignedAt: now, revokedAt: now },
      }),
    invalid: [
      async () =>
        db().assignment.create({
          data: {
            licenseId: (await createLicense("NAMED_USER")).id,
            userId: (await createUser()).id,
            assignedAt: now,
            revokedAt: later(-1),
          },
        }),
    ],
  },
  {
    name: "activation_node_locked_unique",
    rule: "R3/R4: one active device per node-locked license; a floating license may be active on many",
    valid: async () => {
      const user = await createUser();
      const [first, second] = [await createDevice(user.id), await createDevice(user.id)];
      const floating = await createLicense("FLOATING");
      await activate(floating, first.id, user.id);
      await activate(floating, second.id, user.id);
      // R4: moving a node-locked key means deactivating it on the old machine first.
      const nodeLocked = await createLicense("NODE_LOCKED");
      await activate(nodeLocked, first.id, user.id, { deactivatedAt: later(1) });
      return activate(nodeLocked, second.id, user.id);
    },
    invalid: [
      async () => {
        const user = await createUser();
        const nodeLocked = await createLicense("NODE_LOCKED");
        await activate(nodeLocked, (await createDevice(user.id)).id, user.id);
        return activate(nodeLocked, (await createDevice(user.id)).id, user.id);
      },
    ],
  },
  {
    name: "activation_device_unique",
    rule: "a license is active at most once per device",
    valid: async () => {
      const user = await createUser();
      const [device, floating] = [await createDevice(user.id), await createLicense("FLOATING")];
      await activate(floating, device.id, user.id, { deactivatedAt: later(1) });
      return activate(floating, device.id, user.id);
    },
    invalid: [
      async () => {
        const user = await createUser();
        const [device, floating] = [await createDevice(user.id), await createLicense("FLOATING")];
        await activate(floating, device.id, user.id);
        return activate(floating, device.id, user.id);
      },
    ],
  },
  {
    name: "activation_desktop_type",
    rule: "only node-locked and floating licenses are activated on devices",
    valid: async () => {
      const user = await createUser();
      return activate(await createLicense("NODE_LOCKED"), (await createDevice(user.id)).id, user.id);
    },
    invalid: [
      async () => {
        const user = await createUser();
        return activate(await createLicense("NAMED_USER"), (await createDevice(user.id)).id, user.id);
      },
    ],
  },
  {
    name: "floating_lease_one_holder",
    rule: "R2/R5: a lease is held by a device or a browser session, exactly one",
    valid: async () => {
      const [user, license] = [await createUser(), await createLicense("FLOATING")];
      await lease({ licenseId: license.id, userId: user.id, browserSessionId: unique("session") });
      return lease({ licenseId: license.id, userId: user.id, deviceId: (await createDevice(user.id)).id });
    },
    invalid: [
      async () => lease({ licenseId: (await createLicense("FLOATING")).id, userId: (await createUser()).id }),
      async () => {
        const [user, license] = [await createUser(), await createLicense("FLOATING")];
        return lease({
          licenseId: license.id,
          userId: user.id,
          deviceId: (await createDevice(user.id)).id,
          browserSessionId: unique("session"),
        });
      },
    ],
  },
  {
    name: "floating_lease_expires_after_acquired",
    rule: "a lease expires after it was acquired",
    valid: async () =>
      lease({ licenseId: (await createLicense("FLOATING")).id, userId: (await createUser()).id, browserSessionId: unique("s") }),
    invalid: [
      async () =>
        lease({
          licenseId: (await createLicense("FLOATING")).id,
          userId: (await createUser()).id,
          browserSessionId: unique("s"),
          expiresAt: now,
        }),
    ],
  },
  {
    name: "floating_lease_device_open_unique",
    rule: "R5: one open lease per license × user × device; a second request extends it",
    valid: async () => {
      const [user, license] = [await createUser(), await createLicense("FLOATING")];
      const device = await createDevice(user.id);
      await lease({ licenseId: license.id, userId: user.id, deviceId: device.id, releasedAt: later(0.5) });
      return lease({ licenseId: license.id, userId: user.id, deviceId: device.id });
    },
    invalid: [
      async () => {
        const [user, license] = [await createUser(), await createLicense("FLOATING")];
        const device = await createDevice(user.id);
        await lease({ licenseId: license.id, userId: user.id, deviceId: device.id });
        return lease({ licenseId: license.id, userId: user.id, deviceId: device.id });
      },
    ],
  },
  {
    name: "floating_lease_browser_open_unique",
    rule: "R2: one open lease per license × browser session",
    valid: async () => {
      const [user, license] = [await createUser(), await createLicense("FLOATING")];
      await lease({ licenseId: license.id, userId: user.id, browserSessionId: unique("session") });
      return lease({ licenseId: license.id, userId: user.id, browserSessionId: unique("session") });
    },
    invalid: [
      async () => {
        const [user, license, session] = [await createUser(), await createLicense("FLOATING"), unique("session")];
        await lease({ licenseId: license.id, userId: user.id, browserSessionId: session });
        return lease({ licenseId: license.id, userId: user.id, browserSessionId: session });
      },
    ],
  },
  {
    name: "trial_period",
    rule: "R20: a trial ends after it starts",
    valid: async () =>
      db().trial.create({ data: { userId: (await createUser()).id, productId: parents.webProductId, startedAt: now, endsAt: later(1) } }),
    invalid: [
      async () =>
        db().trial.create({ data: { userId: (await createUser()).id, productId: parents.webProductId, startedAt: now, endsAt: now } }),
    ],
  },
  {
    name: "email_attempts_nonnegative",
    rule: "delivery attempts ≥ 0",
    valid: () => email({ attempts: 0 }),
    invalid: [() => email({ attempts: -1 })],
  },
  {
    name: "email_sent_has_sent_at",
    rule: "R27: a message is SENT exactly when it has a sent-at time",
    valid: () => email({ status: "SENT", sentAt: now }),
    invalid: [() => email({ status: "SENT" }), () => email({ status: "PENDING", sentAt: now })],
  },
  {
    name: "token_used_before_expiry",
    rule: "a token is used before it expires",
    valid: async () =>
      db().token.create({
        data: { purpose: "INVITATION", tokenHash: unique("h"), userId: (await createUser()).id, expiresAt: now, usedAt: now },
      }),
    invalid: [
      async () =>
        db().token.create({
          data: { purpose: "INVITATION", tokenHash: unique("h"), userId: (await createUser()).id, expiresAt: now, usedAt: later(1) },
        }),
    ],
  },
  {
    name: "order_amounts",
    rule: "R6: net and VAT are not negative and add up to the total",
    valid: () => order({ netCents: 100_000, vatCents: 21_000, totalCents: 121_000 }),
    invalid: [
      () => order({ netCents: 100_000, vatCents: 21_000, totalCents: 120_000 }),
      () => order({ netCents: -100, vatCents: 0, totalCents: -100 }),
    ],
  },
  {
    name: "order_line_seats_positive",
    rule: "an order line buys at least one seat at a price ≥ 0",
    valid: async () => {
      const { id } = await order({ netCents: 0, vatCents: 0, totalCents: 0 });
      return db().orderLine.create({
        data: { orderId: id, productId: parents.webProductId, edition: "STANDARD", type: "NAMED_USER", seats: 1, unitPriceCents: 0 },
      });
    },
    invalid: [0, -1].map((seats, index) => async () => {
      const { id } = await order({ netCents: 0, vatCents: 0, totalCents: 0 });
      const line = { orderId: id, productId: parents.webProductId, edition: "STANDARD", type: "NAMED_USER" } as const;
      return db().orderLine.create({ data: { ...line, seats: index === 0 ? seats : 1, unitPriceCents: index === 0 ? 100 : -1 } });
    }),
  },
];

describe.each(cases)("$name ($rule)", ({ name, valid, invalid }) => {
  test("accepts a row that keeps the rule", async () => {
    await expect(valid()).resolves.toBeDefined();
  });

  test.each(invalid.map((attempt, index) => ({ attempt, row: `${index + 1} of ${invalid.length}` })))(
    "rejects violating row $row, naming the constraint",
    async ({ attempt }) => {
      await expectRejected(attempt, name);
    },
  );
});

describe("audit_event_append_only (R24)", () => {
  test("events can be written but never updated or deleted", async () => {
    const event = await db().auditEvent.create({
      data: { action: "assignment.created", companyId: parents.companyId, actorId: parents.adminId, data: { seats: 1 } },
    });
    const appendOnly = "audit events are append-only";

    await expect(db().auditEvent.update({ where: { id: event.id }, data: { action: "nothing.happened" } })).rejects.toThrow(appendOnly);
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(appendOnly);
    await expect(db().$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(appendOnly);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ action: "assignment.created" });
  });
});

test("every constraint, index and trigger of the invariants migration has a test here", async () => {
  const sql = await readFile(path.join(MIGRATIONS_DIR, "20261128000100_invariants", "migration.sql"), "utf8");
  const tested = new Set([...cases.map((testCase) => testCase.name), "audit_event_append_only"]);

  expect([...namesCreatedIn(sql)].filter((name) => !tested.has(name))).toEqual([]);
  expect([...tested].filter((name) => !namesCreatedIn(sql).has(name))).toEqual([]);
});
