// Orders and sales leads for the back-office tests, written directly: the tests are about what
// staff do with them, not about the shop that places them (tests/integration/shop/).
import type { TestTenant } from "../../fixtures/tenant";
import { db } from "@/lib/db/client";
import { uniqueName } from "../../fixtures/tenant";

export async function createTestOrder(tenant: TestTenant) {
  return db().order.create({
    data: {
      companyId: tenant.company.id,
      buyerId: tenant.admin.id,
      idempotencyKey: uniqueName("order"),
      netCents: 10_000,
      vatCents: 2_100,
      totalCents: 12_100,
      vatRate: "0.2100",
    },
  });
}

export async function createTestSalesLead(tenant: TestTenant) {
  return db().salesLead.create({
    data: {
      requesterId: tenant.admin.id,
      companyName: tenant.company.name,
      country: "NL",
      email: tenant.admin.email,
      message: "Enterprise, 50 seats",
    },
  });
}
