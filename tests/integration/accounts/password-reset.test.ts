// Forgot / reset password (1-hour token), change password and "sign out everywhere": every one
// of them ends existing sessions through the user's sessionVersion.
import { expect, test } from "vitest";
import { changePassword } from "@/lib/accounts/change-password";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { resetPassword } from "@/lib/accounts/reset-password";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { signInWithPassword } from "@/lib/auth/authenticate";
import { getCurrentUser } from "@/lib/auth/current-user";
import { fixedClock } from "@/lib/clock";
import { portalSessionClaims } from "../../fixtures/portal-session";
import { createTestAccount, TEST_PASSWORD, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();
const NEW_PASSWORD = "another long passphrase 2026";

async function resetTokenFor(email: string): Promise<string> {
  const mail = await database.db.emailMessage.findFirstOrThrow({
    where: { toAddress: email, template: "password-reset" },
    orderBy: { createdAt: "desc" },
  });
  return new URL((mail.payload as { resetUrl: string }).resetUrl).searchParams.get("token")!;
}

async function signedInClaims(email: string, password = TEST_PASSWORD) {
  const result = await signInWithPassword({ credentials: { email, password } });
  if (result.status !== "signed-in") throw new Error(`sign-in failed: ${result.status}`);
  return portalSessionClaims(result.claims);
}

test("a reset request answers the same for known and unknown addresses; only the known one gets mail", async () => {
  const user = await createTestAccount();
  const unknown = `${uniqueName("nobody")}@test.example`;
  await expect(requestPasswordReset({ email: user.email })).resolves.toBeUndefined();
  await expect(requestPasswordReset({ email: unknown })).resolves.toBeUndefined();
  expect(await database.db.emailMessage.count({ where: { toAddress: user.email, template: "password-reset" } })).toBe(1);
  expect(await database.db.emailMessage.count({ where: { toAddress: unknown } })).toBe(0);
});

test("resetting sets the password, ends every session and works only once", async () => {
  const user = await createTestAccount();
  const session = await signedInClaims(user.email);
  await requestPasswordReset({ email: user.email });
  const token = await resetTokenFor(user.email);

  // A refused password does not use up the link.
  await expect(resetPassword({ token, password: "qwerty123456" })).rejects.toMatchObject({ details: { fields: { password: "common" } } });
  await resetPassword({ token, password: NEW_PASSWORD });
  expect(await getCurrentUser(session, database.db)).toBeNull();
  await signedInClaims(user.email, NEW_PASSWORD);
  await expect(resetPassword({ token, password: "yet another passphrase" })).rejects.toMatchObject({ code: "INVALID" });
  expect(await database.db.auditEvent.count({ where: { action: "auth.password-changed", subjectUserId: user.id } })).toBe(1);
});

test("a reset link expires after one hour; only the newest link works", async () => {
  const clock = fixedClock("2026-05-01T10:00:00Z");
  const user = await createTestAccount();
  await requestPasswordReset({ email: user.email, clock });
  const first = await resetTokenFor(user.email);
  clock.advance(60 * 60 * 1000 + 1);
  await expect(resetPassword({ token: first, password: NEW_PASSWORD, clock })).rejects.toMatchObject({ code: "INVALID" });

  await requestPasswordReset({ email: user.email, clock });
  const second = await resetTokenFor(user.email);
  await requestPasswordReset({ email: user.email, clock });
  const third = await resetTokenFor(user.email);
  await expect(resetPassword({ token: second, password: NEW_PASSWORD, clock })).rejects.toMatchObject({ code: "INVALID" });
  await expect(resetPassword({ token: third, password: NEW_PASSWORD, clock })).resolves.toBeUndefined();
});

test("two parallel resets with one link: exactly one succeeds", async () => {
  const user = await createTestAccount();
  await requestPasswordReset({ email: user.email });
  const token = await resetTokenFor(user.email);
  const results = await Promise.allSettled([
    resetPassword({ token, password: NEW_PASSWORD }),
    resetPassword({ token, password: "a different passphrase" }),
  ]);
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
});

test("changing the password ends the other sessions; the new version keeps this one", async () => {
  const user = await createTestAccount();
  const other = await signedInClaims(user.email);
  const current = await signedInClaims(user.email);
  await expect(changePassword({ actor: { id: user.id }, currentPassword: "wrong", newPassword: NEW_PASSWORD })).rejects.toMatchObject({
    details: { fields: { currentPassword: "wrong" } },
  });
  await expect(changePassword({ actor: { id: user.id }, currentPassword: TEST_PASSWORD, newPassword: user.email })).rejects.toMatchObject({
    details: { fields: { newPassword: "contains-email" } },
  });

  const { sessionVersion } = await changePassword({ actor: { id: user.id }, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
  expect(await getCurrentUser(other, database.db)).toBeNull();
  expect(await getCurrentUser(current, database.db)).toBeNull();
  expect(await getCurrentUser({ ...current, sessionVersion }, database.db)).toMatchObject({ id: user.id });
  expect(await signInWithPassword({ credentials: { email: user.email, password: TEST_PASSWORD } })).toEqual({ status: "invalid" });
});

test("sign out everywhere ends every session", async () => {
  const user = await createTestAccount();
  const session = await signedInClaims(user.email);
  await signOutEverywhere({ actor: { id: user.id } });
  expect(await getCurrentUser(session, database.db)).toBeNull();
  expect(await getCurrentUser(await signedInClaims(user.email), database.db)).toMatchObject({ id: user.id });
});
