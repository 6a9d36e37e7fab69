// Admins hear 30 days ahead that a license ends — once per end date, in their language,
// never for an expired or a far-off license, and never twice when two workers run at once.
import { expect, test } from "vitest";
import { fixedClock, type Clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { createLicense } from "@/lib/licenses/create-license";
import { sendExpiryReminders } from "@/lib/licenses/send-expiry-reminders";
import { placeOrder } from "@/lib/shop/place-order";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;
// Far from the licenses other tests create (now → +1 year), so only this file's are ever due.
const NOW = new Date("2031-03-01T08:00:00Z");

function license(tenant: TestTenant, validUntil: Date) {
  return createLicense({
    actor: tenant.staff,
    groupId: tenant.group.id,
    productCode: "PROFIS_ENGINEERING",
    type: "FLOATING",
    seats: 3,
    validFrom: new Date(validUntil.getTime() - 365 * DAY_MS),
    validUntil,
  });
}

/** Rounds until a round finds nothing, as the background loop does; returns the licenses claimed. */
async function drain(clock: Clock, batchSize: number): Promise<number> {
  let total = 0;
  for (
    let claimed = await sendExpiryReminders({ clock, batchSize });
    claimed > 0;
    claimed = await sendExpiryReminders({ clock, batchSize })
  )
    total += claimed;
  return total;
}

test("every admin of the company gets one reminder in their language; users, expired and far-off licenses get none", async () => {
  const clock = fixedClock(NOW);
  const tenant = await createTestTenant();
  const englishAdmin = await tenant.addUser("ADMIN");
  await db().user.update({ where: { id: englishAdmin.id }, data: { language: "en" } });
  const user = await tenant.addUser("USER");

  const due = await license(tenant, new Date(NOW.getTime() + 10 * DAY_MS));
  const lastDay = await license(tenant, new Date(NOW.getTime() + 30 * DAY_MS));
  const farOff = await license(tenant, new Date(NOW.getTime() + 31 * DAY_MS));
  const expired = await license(tenant, new Date(NOW.getTime() - DAY_MS));
  const alreadyReminded = await license(tenant, new Date(NOW.getTime() + 5 * DAY_MS));
  await db().license.update({ where: { id: alreadyReminded.id }, data: { expiryReminderSentAt: new Date(NOW.getTime() - 25 * DAY_MS) } });

  expect(await drain(clock, 100)).toBe(2);
  const mails = await db().emailMessage.findMany({ where: { template: "license-expiring", companyId: tenant.company.id } });
  expect(mails.map((mail) => [mail.toAddress, mail.locale]).sort()).toEqual(
    [
      [tenant.admin.email, "nl"],
      [tenant.admin.email, "nl"],
      [englishAdmin.email, "en"],
      [englishAdmin.email, "en"],
    ].sort(),
  );
  expect(mails.some((mail) => mail.toAddress === user.email)).toBe(false);
  const payload = mails.find(
    (mail) => mail.toAddress === englishAdmin.email && (mail.payload as { daysLeft: number }).daysLeft === 10,
  )!.payload;
  expect(payload).toMatchObject({
    productName: "PROFIS Engineering",
    licenseType: "FLOATING",
    seats: 3,
    validUntil: due.validUntil.toISOString(),
    companyName: tenant.company.name,
  });
  expect((payload as { renewUrl: string }).renewUrl).toMatch(new RegExp(`/software-management/${tenant.group.id}$`));

  const marked = await db().license.findMany({
    where: { id: { in: [due.id, lastDay.id, farOff.id, expired.id] } },
    select: { id: true, expiryReminderSentAt: true },
  });
  expect(Object.fromEntries(marked.map((row) => [row.id, row.expiryReminderSentAt]))).toEqual({
    [due.id]: NOW,
    [lastDay.id]: NOW,
    [farOff.id]: null,
    [expired.id]: null,
  });
  expect(await db().auditEvent.count({ where: { action: "license.expiry-reminded", licenseId: { in: [due.id, lastDay.id] } } })).toBe(2);

  // Nothing more today; the far-off one becomes due a day later.
  expect(await drain(clock, 100)).toBe(0);
  clock.advance(DAY_MS);
  expect(await drain(clock, 100)).toBe(1);
});

test("two workers running at once send each reminder once", async () => {
  const clock = fixedClock(new Date(NOW.getTime() + 200 * DAY_MS));
  const tenants = [await createTestTenant(), await createTestTenant()];
  const licenses = [];
  for (const tenant of tenants)
    for (let day = 1; day <= 6; day++) licenses.push(await license(tenant, new Date(clock.now().getTime() + day * DAY_MS)));

  const [a, b] = await Promise.all([drain(clock, 2), drain(clock, 2)]);
  expect(a + b).toBe(licenses.length);
  const mails = await db().emailMessage.groupBy({
    by: ["toAddress"],
    where: { template: "license-expiring", companyId: { in: tenants.map((tenant) => tenant.company.id) } },
    _count: true,
  });
  // One admin per company, six licenses each: six mails each, not twelve.
  expect(mails.map((row) => row._count)).toEqual([6, 6]);
});

test("a renewal clears the mark, so the new end date gets its own reminder a year later", async () => {
  const clock = fixedClock(new Date(NOW.getTime() + 400 * DAY_MS));
  const tenant = await createTestTenant();
  const ending = await license(tenant, new Date(clock.now().getTime() + 20 * DAY_MS));
  expect(await drain(clock, 100)).toBe(1);
  await placeOrder({
    actor: tenant.admin,
    companyId: tenant.company.id,
    lines: [{ kind: "RENEWAL", licenseId: ending.id }],
    idempotencyKey: `renew-${ending.id}`,
    clock,
  });
  expect(await drain(clock, 100)).toBe(0);
  clock.advance(365 * DAY_MS);
  expect(await drain(clock, 100)).toBe(1);
  expect(await db().emailMessage.count({ where: { template: "license-expiring", companyId: tenant.company.id } })).toBe(2);
});
