// R1, R2, R20: what /launch/<product> gives the signed-in user: the licensed level for a named
// license, a seat of a floating one for this browser session (or a refusal with the next expiry),
// otherwise a trial, once, and the Standard level after it.
import { expect, test } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { launchProduct, type LaunchOutcome } from "@/lib/launch/launch-product";
import { releaseLease } from "@/lib/leases/release-lease";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { createTestAccount, createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { browserSession, DAY, MINUTE, setAssignments, signedIn, webLicense } from "./launch-kit";

useTestDatabase();

// Licenses are valid from their creation for a year: the tests' time starts just after it.
const START = new Date(Date.now() + MINUTE);
const ENGINEERING = "PROFIS_ENGINEERING";

function granted(outcome: LaunchOutcome) {
  if (outcome.kind !== "granted") throw new Error(`expected a grant, got ${outcome.kind}`);
  return outcome;
}

const auditCount = (action: string, where: { companyId?: string | null; actorId?: string; licenseId?: string } = {}) =>
  db().auditEvent.count({ where: { action, ...where } });

test("R1: a named license opens at the licensed level any time, takes no seat, and the launch is recorded for its company", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webLicense(tenant, "NAMED_USER");
  const user = await signedIn(users[0]!);
  const clock = fixedClock(START);

  const { product, outcome } = await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock });
  expect(product).toMatchObject({ code: ENGINEERING, launchUrl: expect.any(String) });
  expect(granted(outcome)).toMatchObject({ level: "licensed", licenseId: license.id, companyId: tenant.company.id });
  expect(outcome).not.toHaveProperty("lease");
  expect(await db().floatingLease.count({ where: { userId: user.id } })).toBe(0);
  expect(await auditCount("launch.opened", { companyId: tenant.company.id, actorId: user.id, licenseId: license.id })).toBe(1);
});

test("R2: a floating license takes a seat for this browser session; the same browser again extends that seat instead of taking another", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webFloatingWithSeats(tenant, 2, 1);
  const user = await signedIn(users[0]!);
  const clock = fixedClock(START);
  const browser = browserSession();

  const first = granted((await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browser, clock })).outcome);
  expect(first).toMatchObject({
    level: "licensed",
    licenseId: license.id,
    lease: { browserSessionId: browser, expiresAt: new Date(START.getTime() + 60 * MINUTE) },
  });
  clock.advance(20 * MINUTE);
  const again = granted((await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browser, clock })).outcome);
  expect(again.lease).toMatchObject({ id: first.lease!.id, expiresAt: new Date(START.getTime() + 80 * MINUTE) });
  // Another browser of the same user is another holder: a second seat.
  const otherBrowser = granted(
    (await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome,
  );
  expect(otherBrowser.lease!.id).not.toBe(first.lease!.id);
  expect(await auditCount("lease.acquired", { licenseId: license.id })).toBe(2);
  expect(await auditCount("launch.opened", { licenseId: license.id })).toBe(3);
});

test("R2: with every seat in use the launch is refused with the seats and the next expiry; a logout lets the next user in", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webFloatingWithSeats(tenant, 1, 2);
  const [first, second] = [await signedIn(users[0]!), await signedIn(users[1]!)];
  const clock = fixedClock(START);

  const held = granted((await launchProduct({ user: first, productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome);
  clock.advance(10 * MINUTE);
  const waiting = browserSession();
  const refused = await launchProduct({ user: second, productCode: ENGINEERING, browserSessionId: waiting, clock });
  expect(refused.outcome).toEqual({ kind: "seats-in-use", seats: 1, nextExpiry: held.lease!.expiresAt });
  expect(await auditCount("lease.refused", { licenseId: license.id, companyId: tenant.company.id })).toBe(1);
  expect(await auditCount("launch.opened", { actorId: second.id })).toBe(0);

  await releaseLease({ userId: first.id, leaseId: held.lease!.id, reason: "logout", clock });
  const admitted = granted((await launchProduct({ user: second, productCode: ENGINEERING, browserSessionId: waiting, clock })).outcome);
  expect(admitted).toMatchObject({ level: "licensed", lease: { browserSessionId: waiting } });
});

test("R2: a seat idle for more than an hour lapses by itself and the next user gets it, with no job running", async () => {
  const tenant = await createTestTenant();
  const { users } = await webFloatingWithSeats(tenant, 1, 2);
  const clock = fixedClock(START);
  granted(
    (await launchProduct({ user: await signedIn(users[0]!), productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome,
  );
  expect(
    (await launchProduct({ user: await signedIn(users[1]!), productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome
      .kind,
  ).toBe("seats-in-use");
  clock.advance(61 * MINUTE);
  expect(
    (await launchProduct({ user: await signedIn(users[1]!), productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome,
  ).toMatchObject({ kind: "granted", level: "licensed" });
});

test("R1/R2: a named license wins over a floating one, so it takes no seat", async () => {
  const tenant = await createTestTenant();
  const { license: floating, users } = await webFloatingWithSeats(tenant, 1, 1);
  const named = await tenant.addLicense(ENGINEERING, "NAMED_USER", 1);
  await setAssignments(tenant, named.id, users);
  const outcome = granted(
    (
      await launchProduct({
        user: await signedIn(users[0]!),
        productCode: ENGINEERING,
        browserSessionId: browserSession(),
        clock: fixedClock(START),
      })
    ).outcome,
  );
  expect(outcome.licenseId).toBe(named.id);
  expect(await db().floatingLease.count({ where: { licenseId: floating.id } })).toBe(0);
});

test("R20: without a license the user gets a trial of the product's trial days; ten launches at once start exactly one", async () => {
  const tenant = await createTestTenant();
  const user = await signedIn(await tenant.addUser());
  await db().product.update({ where: { code: ENGINEERING }, data: { trialDays: 14 } });
  const clock = fixedClock(START);

  const outcomes = await Promise.all(
    Array.from({ length: 10 }, () => launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock })),
  );
  const trials = await db().trial.findMany({ where: { userId: user.id } });
  expect(trials).toHaveLength(1);
  expect(trials[0]).toMatchObject({ startedAt: START, endsAt: new Date(START.getTime() + 14 * DAY) });
  for (const { outcome } of outcomes)
    expect(outcome).toMatchObject({ kind: "granted", level: "trial", companyId: tenant.company.id, trial: { id: trials[0]!.id } });
  expect(await auditCount("trial.started", { actorId: user.id, companyId: tenant.company.id })).toBe(1);
  expect(await auditCount("launch.opened", { actorId: user.id })).toBe(10);
  await db().product.update({ where: { code: ENGINEERING }, data: { trialDays: 30 } });
}, 30_000);

test("R20: once the trial has ended the user gets the Standard level, and never a second trial", async () => {
  const user = await signedIn(await createTestAccount());
  const clock = fixedClock(START);
  const trial = granted((await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome);
  // A user of no company still gets a trial; nothing to record it for but themselves.
  expect(trial).toMatchObject({ level: "trial", companyId: null });

  clock.set(new Date(trial.trial!.endsAt.getTime() - 1));
  expect(granted((await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome).level).toBe(
    "trial",
  );
  clock.set(trial.trial!.endsAt);
  expect(granted((await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome).level).toBe(
    "standard",
  );
  expect(await db().trial.count({ where: { userId: user.id } })).toBe(1);
});

test("R18/R20: after revocation the license no longer opens: a trial first, Standard once the trial is over", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webLicense(tenant, "NAMED_USER");
  const user = await signedIn(users[0]!);
  const clock = fixedClock(START);
  expect(granted((await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome).level).toBe(
    "licensed",
  );

  await setAssignments(tenant, license.id, users, false);
  const afterRevocation = granted(
    (await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome,
  );
  expect(afterRevocation).toMatchObject({ level: "trial" });
  expect(afterRevocation).not.toHaveProperty("licenseId");
  clock.set(afterRevocation.trial!.endsAt);
  expect(granted((await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock })).outcome).level).toBe(
    "standard",
  );
});

test("an expired license opens nothing either; a product without trial days gives Standard at once", async () => {
  const tenant = await createTestTenant();
  const { license, users } = await webLicense(tenant, "NAMED_USER");
  const user = await signedIn(users[0]!);
  await db().product.update({ where: { code: ENGINEERING }, data: { trialDays: 0 } });
  try {
    const afterExpiry = fixedClock(new Date(license.validUntil.getTime() + MINUTE));
    expect(
      granted((await launchProduct({ user, productCode: ENGINEERING, browserSessionId: browserSession(), clock: afterExpiry })).outcome),
    ).toMatchObject({ level: "standard" });
    expect(await db().trial.count({ where: { userId: user.id } })).toBe(0);
  } finally {
    await db().product.update({ where: { code: ENGINEERING }, data: { trialDays: 30 } });
  }
});

test("R11/R28: a license of another company the user belongs to still opens, recorded for that company; a stranger's license never does", async () => {
  const home = await createTestTenant();
  const other = await createTestTenant();
  const { license, users } = await webLicense(other, "NAMED_USER");
  const user = users[0]!;
  // The user is also a contact of `home`, where they work now (current company) without a license.
  await addCompanyMember({ actor: home.admin, companyId: home.company.id, email: user.email });
  await db().user.update({ where: { id: user.id }, data: { currentCompanyId: home.company.id } });
  const outcome = granted(
    (
      await launchProduct({
        user: await signedIn(user),
        productCode: ENGINEERING,
        browserSessionId: browserSession(),
        clock: fixedClock(START),
      })
    ).outcome,
  );
  expect(outcome).toMatchObject({ level: "licensed", licenseId: license.id, companyId: other.company.id });

  const stranger = await signedIn(await home.addUser());
  expect(
    granted(
      (await launchProduct({ user: stranger, productCode: ENGINEERING, browserSessionId: browserSession(), clock: fixedClock(START) }))
        .outcome,
    ).level,
  ).toBe("trial");
});

test("desktop software and unknown products are not launched (NOT_FOUND)", async () => {
  const user = await signedIn(await createTestAccount());
  for (const productCode of ["PROFIS_LAYOUT_OFFICE", "NO_SUCH_PRODUCT"]) {
    await expect(launchProduct({ user, productCode, browserSessionId: browserSession() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  }
});

async function webFloatingWithSeats(tenant: Awaited<ReturnType<typeof createTestTenant>>, seats: number, userCount: number) {
  return webLicense(tenant, "FLOATING", { seats, userCount });
}
