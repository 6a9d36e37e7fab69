// Sign-in (R8) with decision 006's rules: one answer for unknown and known addresses, lockout per
// account, limit per IP, both shared through PostgreSQL; audit events for each outcome.
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "vitest";
import { signInWithPassword } from "@/lib/auth/authenticate";
import { createRateLimits } from "@/lib/rate-limit/rate-limits";
import { createTestAccount, TEST_PASSWORD, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();

test("a wrong password and an unknown address get the same answer", async () => {
  const user = await createTestAccount();
  const wrong = await signInWithPassword({ credentials: { email: user.email, password: "not the password" } });
  const unknown = await signInWithPassword({
    credentials: { email: `${uniqueName("nobody")}@test.example`, password: "not the password" },
  });
  expect(wrong).toEqual({ status: "invalid" });
  expect(unknown).toEqual(wrong);
});

test("sign-in, failed sign-in and lockout are audit events", async () => {
  const user = await createTestAccount();
  await signInWithPassword({ credentials: { email: user.email, password: "not the password" }, ipAddress: "192.0.2.10" });
  await signInWithPassword({ credentials: { email: user.email, password: TEST_PASSWORD }, ipAddress: "192.0.2.10" });
  const events = await database.db.auditEvent.findMany({ where: { subjectUserId: user.id }, orderBy: { createdAt: "asc" } });
  expect(events.map((event) => event.action)).toEqual(["auth.sign-in-failed", "auth.signed-in"]);
  expect(events[1]).toMatchObject({ actorId: user.id, ipAddress: "192.0.2.10" });
});

test("a disabled account cannot sign in and answers like a wrong password", async () => {
  const user = await createTestAccount();
  await database.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  expect(await signInWithPassword({ credentials: { email: user.email, password: TEST_PASSWORD } })).toEqual({ status: "invalid" });
});

test("failed sign-ins lock the account, known or unknown alike, and the lock ends with the window", async () => {
  // The limiter reads the real clock: the window is long enough for a loaded machine's password checks.
  const windowSeconds = 5;
  const rateLimits = createRateLimits({ db: database.db, policies: { "sign-in-account": { points: 3, durationSeconds: windowSeconds } } });
  const user = await createTestAccount();
  const unknownEmail = `${uniqueName("nobody")}@test.example`;

  for (const email of [user.email, unknownEmail]) {
    const windowStarted = Date.now();
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      answers.push(await signInWithPassword({ credentials: { email, password: "guess" }, rateLimits }));
    }
    expect(answers.slice(0, 2)).toEqual([{ status: "invalid" }, { status: "invalid" }]);
    expect(answers[2]).toMatchObject({ status: "rate-limited", retryAfterSeconds: expect.any(Number) });
    expect(answers[3]).toMatchObject({ status: "rate-limited" });
    if (email !== user.email) continue;
    // While locked even the right password is not checked.
    expect(await signInWithPassword({ credentials: { email: user.email, password: TEST_PASSWORD }, rateLimits })).toMatchObject({
      status: "rate-limited",
    });
    expect(await database.db.auditEvent.count({ where: { action: "auth.locked-out", subjectUserId: user.id } })).toBe(1);
    await sleep(Math.max(0, windowStarted + windowSeconds * 1000 + 100 - Date.now()));
    expect(await signInWithPassword({ credentials: { email: user.email, password: TEST_PASSWORD }, rateLimits })).toMatchObject({
      status: "signed-in",
    });
  }
});

test("a successful sign-in clears the account's failures", async () => {
  const rateLimits = createRateLimits({ db: database.db, policies: { "sign-in-account": { points: 3, durationSeconds: 60 } } });
  const user = await createTestAccount();
  for (let round = 0; round < 3; round += 1) {
    await signInWithPassword({ credentials: { email: user.email, password: "guess" }, rateLimits });
    await signInWithPassword({ credentials: { email: user.email, password: "guess" }, rateLimits });
    expect(await signInWithPassword({ credentials: { email: user.email, password: TEST_PASSWORD }, rateLimits })).toMatchObject({
      status: "signed-in",
    });
  }
});

test("failed attempts per IP are limited across accounts; counters are shared by every instance", async () => {
  const user = await createTestAccount();
  const policies = { "sign-in-ip": { points: 3, durationSeconds: 60 } };
  // Two limiters on one database stand for two app instances.
  const instanceA = createRateLimits({ db: database.db, policies });
  const instanceB = createRateLimits({ db: database.db, policies });
  const ipAddress = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
  const attempt = (rateLimits: typeof instanceA) =>
    signInWithPassword({ credentials: { email: `${uniqueName("spray")}@test.example`, password: "guess" }, ipAddress, rateLimits });
  expect(await attempt(instanceA)).toEqual({ status: "invalid" });
  expect(await attempt(instanceB)).toEqual({ status: "invalid" });
  expect(await attempt(instanceA)).toEqual({ status: "invalid" });
  expect(await attempt(instanceB)).toMatchObject({ status: "rate-limited" });
  // Anyone else at that address is refused too until the window ends, even with the right password.
  expect(
    await signInWithPassword({ credentials: { email: user.email, password: TEST_PASSWORD }, ipAddress, rateLimits: instanceA }),
  ).toMatchObject({ status: "rate-limited" });
  // No address is stored in clear text.
  const keys = await database.db.rateLimit.findMany({ select: { key: true } });
  expect(keys.some((row) => row.key.includes(ipAddress) || row.key.includes("@"))).toBe(false);
});

test("successful sign-ins from one address do not count against it (an office behind one IP)", async () => {
  const user = await createTestAccount();
  const rateLimits = createRateLimits({ db: database.db, policies: { "sign-in-ip": { points: 3, durationSeconds: 60 } } });
  const ipAddress = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    expect(await signInWithPassword({ credentials: { email: user.email, password: TEST_PASSWORD }, ipAddress, rateLimits })).toMatchObject({
      status: "signed-in",
    });
  }
  expect(await signInWithPassword({ credentials: { email: user.email, password: "guess" }, ipAddress, rateLimits })).toEqual({
    status: "invalid",
  });
});

test("40 wrong passwords and the right one at once — the limit is taken before any check, so at most 5 are checked", async () => {
  const user = await createTestAccount();
  const ipAddress = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
  const passwords = [...Array.from({ length: 40 }, (_, index) => `wrong guess ${index}`), TEST_PASSWORD];
  // The default 5 per account; exactly as many per address as the burst, so that the attempts the
  // account refused, were they not given back, would leave the address no attempt afterwards.
  const rateLimits = createRateLimits({
    db: database.db,
    policies: { "sign-in-ip": { points: passwords.length, durationSeconds: 15 * 60 } },
  });
  const answers = await Promise.all(
    passwords.map((password) => signInWithPassword({ credentials: { email: user.email, password }, ipAddress, rateLimits })),
  );

  const checks = await database.db.auditEvent.count({
    where: { subjectUserId: user.id, action: { in: ["auth.sign-in-failed", "auth.signed-in"] } },
  });
  expect(checks).toBeLessThanOrEqual(5);
  const signedIn = answers.filter((answer) => answer.status === "signed-in").length;
  expect(signedIn).toBeLessThanOrEqual(1);
  // Every attempt beyond the checked ones was refused unchecked (the fifth failure itself answers "locked").
  expect(answers.filter((answer) => answer.status !== "rate-limited").length).toBeLessThanOrEqual(checks);
  expect(answers.filter((answer) => answer.status === "rate-limited").length).toBeGreaterThanOrEqual(passwords.length - checks);
  // Which statement the database runs first is not ours to choose: the right password may be
  // among the checked ones (and then clears the failures). When it was refused, the account is locked.
  if (signedIn === 0) {
    expect(await database.db.auditEvent.count({ where: { action: "auth.locked-out", subjectUserId: user.id } })).toBe(1);
    expect(await signInWithPassword({ credentials: { email: user.email, password: TEST_PASSWORD }, ipAddress, rateLimits })).toMatchObject({
      status: "rate-limited",
    });
  }
  // Only the evaluated failures count against the address; the refused attempts were given back.
  const unknownFromSameAddress = await signInWithPassword({
    credentials: { email: `${uniqueName("nobody")}@test.example`, password: "guess" },
    ipAddress,
    rateLimits,
  });
  expect(unknownFromSameAddress).toEqual({ status: "invalid" });
});

test("taking attempts is atomic — 30 parallel takes of a 5-attempt limit allow exactly 5", async () => {
  const rateLimits = createRateLimits({ db: database.db, policies: { "sign-in-account": { points: 5, durationSeconds: 60 } } });
  const key = `${uniqueName("race")}@test.example`;
  const taken = await Promise.all(Array.from({ length: 30 }, () => rateLimits.take("sign-in-account", key)));
  expect(taken.filter((attempt) => attempt.allowed)).toHaveLength(5);
  expect(taken.filter((attempt) => !attempt.allowed).every((attempt) => !attempt.allowed && attempt.retryAfterSeconds > 0)).toBe(true);

  // An attempt given back (a success) is available again, exactly once.
  const other = `${uniqueName("give-back")}@test.example`;
  for (let attempt = 0; attempt < 5; attempt += 1) expect(await rateLimits.take("sign-in-account", other)).toMatchObject({ allowed: true });
  await rateLimits.giveBack("sign-in-account", other);
  expect(await rateLimits.take("sign-in-account", other)).toMatchObject({ allowed: true, remaining: 0 });
  expect(await rateLimits.take("sign-in-account", other)).toMatchObject({ allowed: false });
});
