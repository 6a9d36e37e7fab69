// R28, R31: every back-office use case checks staff itself, in its own transaction, and answers
// anyone else — the company's own admin, a plain user, a disabled staff member — NOT_FOUND, as if
// the back office did not exist. Nothing is written.
import { describe, expect, test } from "vitest";
import type { User } from "@prisma/client";
import { addCompanyAdmin } from "@/lib/backoffice/add-company-admin";
import { changeLicenseSeats } from "@/lib/backoffice/change-license-seats";
import { changeLicenseValidity } from "@/lib/backoffice/change-license-validity";
import { getBackofficeLicense } from "@/lib/backoffice/get-backoffice-license";
import { getCompanyOverview } from "@/lib/backoffice/get-company-overview";
import { listCompanyAuditEvents } from "@/lib/backoffice/list-company-audit-events";
import { listLicenseProducts } from "@/lib/backoffice/list-license-products";
import { listOrders } from "@/lib/backoffice/list-orders";
import { listSalesLeads } from "@/lib/backoffice/list-sales-leads";
import { markInvoicePaid, markOrderHandled, markSalesLeadHandled } from "@/lib/backoffice/mark-handled";
import { listCompanyCountries, searchCompanies } from "@/lib/backoffice/search-companies";
import { searchPeople } from "@/lib/backoffice/search-people";
import { createCompany } from "@/lib/companies/create-company";
import { db } from "@/lib/db/client";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { createTestAccount, createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { createTestOrder, createTestSalesLead } from "./backoffice-fixtures";

useTestDatabase();

async function setting() {
  const tenant = await createTestTenant();
  const license = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 2);
  const order = await createTestOrder(tenant);
  const lead = await createTestSalesLead(tenant);
  const user = await tenant.addUser();
  const disabledStaff = await createTestAccount({ isStaff: true });
  await db().user.update({ where: { id: disabledStaff.id }, data: { disabledAt: new Date() } });
  return {
    tenant,
    license,
    order,
    lead,
    outsiders: { "the company's admin": tenant.admin, "a user of the company": user, "a disabled staff member": disabledStaff } as Record<
      string,
      User
    >,
  };
}

function useCases(context: Awaited<ReturnType<typeof setting>>, actor: User): Record<string, () => Promise<unknown>> {
  const { tenant, license, order, lead } = context;
  const companyId = tenant.company.id;
  return {
    searchCompanies: () => searchCompanies({ actor, query: tenant.company.name }),
    listCompanyCountries: () => listCompanyCountries({ actor }),
    searchPeople: () => searchPeople({ actor, query: tenant.admin.email }),
    getCompanyOverview: () => getCompanyOverview({ actor, companyId }),
    getBackofficeLicense: () => getBackofficeLicense({ actor, companyId, licenseId: license.id }),
    listCompanyAuditEvents: () => listCompanyAuditEvents({ actor, companyId }),
    listLicenseProducts: () => listLicenseProducts({ actor }),
    listOrders: () => listOrders({ actor, filter: "all" }),
    listSalesLeads: () => listSalesLeads({ actor, filter: "all" }),
    createCompany: () => createCompany({ actor, name: "Sneaky B.V.", country: "NL", sapAccountNumber: "99887766" }),
    createLicenseGroup: () => createLicenseGroup({ actor, companyId, name: "Sneaky group" }),
    createLicense: () =>
      createLicense({
        actor,
        groupId: tenant.group.id,
        productCode: "PROFIS_ENGINEERING",
        type: "NAMED_USER",
        edition: "ENTERPRISE",
        seats: 500,
      }),
    addCompanyAdmin: () => addCompanyAdmin({ actor, companyId, email: actor.email }),
    changeLicenseSeats: () => changeLicenseSeats({ actor, licenseId: license.id, seats: 500 }),
    "changeLicenseValidity (set end)": () =>
      changeLicenseValidity({
        actor,
        licenseId: license.id,
        change: { kind: "set-end", validUntil: new Date(Date.now() + 1000 * 24 * 60 * 60 * 1000) },
      }),
    "changeLicenseValidity (end now)": () => changeLicenseValidity({ actor, licenseId: license.id, change: { kind: "end-now" } }),
    markOrderHandled: () => markOrderHandled({ actor, orderId: order.id }),
    markInvoicePaid: () => markInvoicePaid({ actor, orderId: order.id }),
    markSalesLeadHandled: () => markSalesLeadHandled({ actor, salesLeadId: lead.id }),
  };
}

async function everything() {
  return {
    companies: await db().company.findMany({ orderBy: { id: "asc" } }),
    memberships: await db().membership.findMany({ orderBy: { id: "asc" } }),
    groups: await db().licenseGroup.findMany({ orderBy: { id: "asc" } }),
    licenses: await db().license.findMany({ orderBy: { id: "asc" } }),
    orders: await db().order.findMany({ orderBy: { id: "asc" } }),
    leads: await db().salesLead.findMany({ orderBy: { id: "asc" } }),
    auditEvents: await db().auditEvent.count(),
  };
}

describe("non-staff are refused by every back-office use case", () => {
  test("with NOT_FOUND, writing nothing", async () => {
    const context = await setting();
    const before = await everything();
    for (const [who, actor] of Object.entries(context.outsiders)) {
      for (const [name, run] of Object.entries(useCases(context, actor))) {
        await expect(run(), `${name} by ${who}`).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
    }
    expect(await everything()).toEqual(before);
  });

  test("while staff may run each of them", async () => {
    const context = await setting();
    const someone = await createTestAccount();
    const cases = useCases(context, context.tenant.staff);
    // The staff member makes someone else admin (making themselves admin is not the point here).
    cases.addCompanyAdmin = () =>
      addCompanyAdmin({ actor: context.tenant.staff, companyId: context.tenant.company.id, email: someone.email });
    for (const [name, run] of Object.entries(cases)) {
      await expect(
        run().then(() => "ok"),
        name,
      ).resolves.toBe("ok");
    }
  });
});
