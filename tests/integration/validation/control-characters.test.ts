// Decision 014: a NUL (which PostgreSQL refuses in text) or a bidi override in a text field is
// an INVALID field error before anything is written — in the domain and at the API boundary.
import { expect, test } from "vitest";
import { updateProfile } from "@/lib/accounts/update-profile";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { createSalesLead } from "@/lib/shop/create-sales-lead";
import { FORBIDDEN_CHARACTERS } from "@/lib/validation/safe-text";
import { POST as signInRoute } from "@/app/api/v1/sessions/route";
import { createTestAccount, createTestTenant, TEST_PASSWORD } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { call } from "../api/api-test-kit";

useTestDatabase();

async function domainErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isDomainError(error, "INVALID")) throw new Error(`expected an INVALID domain error, got ${String(error)}`);
  return error;
}

test("the profile refuses a NUL or a right-to-left override with a field error, and keeps the old values", async () => {
  const user = await createTestAccount({ firstName: "Nora" });
  const profile = { title: "" as const, firstName: "Nora", lastName: "Nulmans", position: "", language: "nl" as const };
  const nul = await domainErrorOf(updateProfile({ actor: user, profile: { ...profile, firstName: "No\u0000ra" } }));
  expect(nul).toMatchObject({ code: "INVALID", details: { fields: { firstName: FORBIDDEN_CHARACTERS } } });
  const override = await domainErrorOf(updateProfile({ actor: user, profile: { ...profile, lastName: "Nulmans\u202Eexe.gnp" } }));
  expect(override).toMatchObject({ code: "INVALID", details: { fields: { lastName: FORBIDDEN_CHARACTERS } } });
  expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ firstName: "Nora" });
  await updateProfile({ actor: user, profile: { ...profile, lastName: "Nulmans-Özdemir 🎉" } });
  expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ lastName: "Nulmans-Özdemir 🎉" });
});

test("a sales-lead message keeps its line breaks but not a NUL", async () => {
  await createTestTenant();
  const requester = await createTestAccount();
  const lead = { actor: requester, companyName: "Groot Bouw", country: "NL", email: "inkoop@groot.example" };
  const error = await domainErrorOf(createSalesLead({ ...lead, message: "50 gebruikers\u0000" }));
  expect(error.details.fields).toEqual({ message: FORBIDDEN_CHARACTERS });
  expect(await db().salesLead.count({ where: { requesterId: requester.id } })).toBe(0);
  expect((await createSalesLead({ ...lead, message: "50 gebruikers,\r\n3 jaar" })).message).toBe("50 gebruikers,\r\n3 jaar");
});

test("POST /api/v1/sessions with a NUL in the client name answers 400 INVALID_REQUEST naming the field; no session is made", async () => {
  const user = await createTestAccount();
  const answer = await call(signInRoute, {
    path: "/sessions",
    headers: { "Accept-Language": "nl" },
    json: { email: user.email, password: TEST_PASSWORD, client: "PROFIS\u0000" },
  });
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({
    code: "INVALID_REQUEST",
    errors: [{ field: "client", message: expect.stringContaining("tekens die niet zijn toegestaan") }],
  });
  expect(await db().refreshToken.count({ where: { userId: user.id } })).toBe(0);
});
