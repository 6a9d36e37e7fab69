// Run by the e2e specs of tests/e2e/security/ with tsx (security-companies.ts). Prints JSON.
//   self-made <buyer email>: a registered identity who bought a company into existence on invoice
//     (decision 011), so its only admin; the company is not verified (decision 016).
//   staff-made <admin email> <member email>: a company made by staff with two registered ADMINs,
//     and a floating desktop license (2 seats) assigned to the member.
import { randomInt, randomUUID } from "node:crypto";
import { createAccount } from "@/lib/accounts/create-account";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { createCompany } from "@/lib/companies/create-company";
import { db } from "@/lib/db/client";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { placeOrder } from "@/lib/shop/place-order";
import { DEMO_PASSWORD, STAFF_EMAIL } from "./demo";

const [mode, ...emails] = process.argv.slice(2);
const suffix = String(randomInt(1_000_000, 9_999_999));
const register = (email: string, firstName: string) =>
  createAccount({ email, firstName, lastName: `E2E ${suffix}`, credentials: { password: DEMO_PASSWORD } });

if (mode === "self-made" && emails.length === 1) {
  const buyer = await register(emails[0]!, "Koper");
  const { order } = await placeOrder({
    actor: buyer,
    newCompany: { name: `E2E Eigen Bedrijf ${suffix}`, country: "NL", vatNumber: "" },
    lines: [{ kind: "NEW_LICENSE", productCode: "PROFIS_ENGINEERING", edition: "STANDARD", type: "NAMED_USER", seats: 1 }],
    idempotencyKey: `e2e-${randomUUID()}`,
  });
  process.stdout.write(JSON.stringify({ companyId: order.companyId, groupId: order.licenseGroupId }));
} else if (mode === "staff-made" && emails.length === 2) {
  const staff = await db().user.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
  const company = await createCompany({
    actor: staff,
    name: `E2E Vertrekbedrijf ${suffix}`,
    country: "NL",
    sapAccountNumber: `800${suffix}`,
  });
  const [admin, member] = [await register(emails[0]!, "Blijver"), await register(emails[1]!, "Vertrekker")];
  for (const person of [admin, member]) await addCompanyMember({ actor: staff, companyId: company.id, email: person.email, role: "ADMIN" });
  const group = await createLicenseGroup({ actor: staff, companyId: company.id, name: "Licentiegroep 1" });
  const license = await createLicense({
    actor: staff,
    groupId: group.id,
    productCode: "PROFIS_DETECTION_OFFICE",
    type: "FLOATING",
    seats: 2,
  });
  await saveAssignments({
    actor: admin,
    groupId: group.id,
    expectedVersion: group.version,
    changes: [{ licenseId: license.id, userId: member.id, assigned: true }],
  });
  process.stdout.write(
    JSON.stringify({
      companyId: company.id,
      companyName: company.name,
      groupId: group.id,
      licenseId: license.id,
      activationKey: license.activationKey,
    }),
  );
} else {
  throw new Error("usage: seed-access-companies.ts self-made <email> | staff-made <admin email> <member email>");
}
await db().$disconnect();
