import { expect, test } from "vitest";
import { createAccount } from "@/lib/accounts/create-account";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { fixedClock } from "@/lib/clock";
import { uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("creates a verified identity with an Argon2id hash of the password and a normalised email", async () => {
  const clock = fixedClock("2026-03-01T09:00:00Z");
  const local = uniqueName("Zoe");
  const user = await createAccount({
    email: ` ${local.toUpperCase()}@Test.Example `,
    firstName: "Zoë",
    lastName: "Visser",
    credentials: { password: "Correct-Horse-2026" },
    clock,
  });
  expect(user.email).toBe(`${local.toLowerCase()}@test.example`);
  expect(user).toMatchObject({ firstName: "Zoë", language: "nl", isStaff: false, emailVerifiedAt: new Date("2026-03-01T09:00:00Z") });
  expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  expect(await verifyPassword(user.passwordHash!, "Correct-Horse-2026")).toBe(true);
});

test("accepts a precomputed Argon2id hash, and nothing else in its place", async () => {
  const passwordHash = await hashPassword("Shared-Password-2026");
  const first = await createAccount({
    email: `${uniqueName("a")}@test.example`,
    firstName: "A",
    lastName: "B",
    credentials: { passwordHash },
  });
  const second = await createAccount({
    email: `${uniqueName("b")}@test.example`,
    firstName: "C",
    lastName: "D",
    credentials: { passwordHash },
  });
  expect(await verifyPassword(second.passwordHash!, "Shared-Password-2026")).toBe(true);
  expect(first.passwordHash).toBe(second.passwordHash);
  await expect(
    createAccount({ email: `${uniqueName("c")}@test.example`, firstName: "E", lastName: "F", credentials: { passwordHash: "plaintext" } }),
  ).rejects.toMatchObject({ code: "INVALID" });
});

test("an address already taken, in any case, is a conflict; a weak password is invalid", async () => {
  const email = `${uniqueName("taken")}@test.example`;
  await createAccount({ email, firstName: "A", lastName: "B", credentials: { password: "Long-Enough-2026" } });
  await expect(
    createAccount({ email: email.toUpperCase(), firstName: "A", lastName: "B", credentials: { password: "Long-Enough-2026" } }),
  ).rejects.toMatchObject({ code: "CONFLICT" });
  await expect(
    createAccount({ email: `${uniqueName("weak")}@test.example`, firstName: "A", lastName: "B", credentials: { password: "short" } }),
  ).rejects.toMatchObject({
    code: "INVALID",
    details: { fields: { password: expect.any(String) } },
  });
});
