// Decision 016: additions, resends and orders are counted per acting admin and per company; the
// default limits let a verified company onboard 300 people in a day and stop a self-made one early.
import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { limitCompanyAction } from "@/lib/companies/limit-company-action";
import { db } from "@/lib/db/client";
import { createRateLimits, defaultRateLimitPolicies } from "@/lib/rate-limit/rate-limits";
import { placeOrder } from "@/lib/shop/place-order";
import { createTestAccount, createTestTenant, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

const database = useTestDatabase();

test("a verified company adds 300 people in a day (address and contact details each counted)", async () => {
  const tenant = await createTestTenant();
  const rateLimits = createRateLimits({ db: database.db });
  for (let attempt = 0; attempt < 600; attempt++) {
    await limitCompanyAction({ action: "member-additions", actor: tenant.admin, companyId: tenant.company.id, rateLimits });
  }
}, 120_000);

test("a self-made company's admin is stopped after the unverified limit, for every limited action", async () => {
  await createTestTenant();
  const buyer = await createTestAccount();
  const { order } = await placeOrder({
    actor: buyer,
    newCompany: { name: uniqueName("Spam"), country: "NL", vatNumber: "" },
    lines: [{ kind: "NEW_LICENSE", productCode: "PROFIS_ENGINEERING", edition: "STANDARD", type: "NAMED_USER", seats: 1 }],
    idempotencyKey: `checkout-${randomUUID()}`,
  });
  expect((await db().company.findUniqueOrThrow({ where: { id: order.companyId } })).verifiedAt).toBeNull();
  const rateLimits = createRateLimits({ db: database.db });
  const actorLimits = {
    "member-additions": "member-additions-admin-unverified",
    "invitation-resends": "invitation-resends-admin-unverified",
    orders: "orders-buyer-unverified",
  } as const;
  for (const action of ["member-additions", "invitation-resends", "orders"] as const) {
    const limit = defaultRateLimitPolicies[actorLimits[action]].points;
    for (let attempt = 0; attempt < limit; attempt++)
      await limitCompanyAction({ action, actor: buyer, companyId: order.companyId, rateLimits });
    await expect(limitCompanyAction({ action, actor: buyer, companyId: order.companyId, rateLimits })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  }
});

test("the company's count is shared by its admins; another company is not affected", async () => {
  const tenant = await createTestTenant();
  const other = await createTestTenant();
  const secondAdmin = await tenant.addUser("ADMIN");
  const rateLimits = createRateLimits({ db: database.db, policies: { "invitation-resends-company": { points: 3, durationSeconds: 60 } } });
  await limitCompanyAction({ action: "invitation-resends", actor: tenant.admin, companyId: tenant.company.id, rateLimits });
  await limitCompanyAction({ action: "invitation-resends", actor: tenant.admin, companyId: tenant.company.id, rateLimits });
  await limitCompanyAction({ action: "invitation-resends", actor: secondAdmin, companyId: tenant.company.id, rateLimits });
  await expect(
    limitCompanyAction({ action: "invitation-resends", actor: secondAdmin, companyId: tenant.company.id, rateLimits }),
  ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  await limitCompanyAction({ action: "invitation-resends", actor: other.admin, companyId: other.company.id, rateLimits });
});
