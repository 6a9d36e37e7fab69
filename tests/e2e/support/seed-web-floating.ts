// Run by tests/e2e/web-launch.spec.ts with tsx: a company of its own (so the demo data stays as it
// is) whose license group holds a PROFIS Engineering multi-user license with ONE seat (or as many
// as asked), assigned to two new registered users with the demo password (R2). Usage:
//   DATABASE_URL=… tsx seed-web-floating.ts <first email> <second email> [seats]
import { randomInt } from "node:crypto";
import { createAccount } from "@/lib/accounts/create-account";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { createCompany } from "@/lib/companies/create-company";
import { db } from "@/lib/db/client";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { DEMO_PASSWORD, STAFF_EMAIL } from "./demo";

const [firstEmail, secondEmail, seatsArgument] = process.argv.slice(2);
if (!firstEmail || !secondEmail) throw new Error("usage: seed-web-floating.ts <first email> <second email> [seats]");
const emails = [firstEmail, secondEmail];
const seats = Number(seatsArgument ?? 1);
const staff = await db().user.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
const suffix = String(randomInt(1_000_000, 9_999_999));
const company = await createCompany({ actor: staff, name: `E2E Webbureau ${suffix}`, country: "NL", sapAccountNumber: `900${suffix}` });
const admin = await createAccount({
  email: `admin-${suffix}@e2e.example`,
  firstName: "Beheer",
  lastName: suffix,
  credentials: { password: DEMO_PASSWORD },
});
await addCompanyMember({ actor: staff, companyId: company.id, email: admin.email, role: "ADMIN" });
const users = [];
for (const [index, email] of emails.entries()) {
  users.push(
    await createAccount({
      email,
      firstName: index === 0 ? "Eerste" : "Tweede",
      lastName: "Gebruiker",
      credentials: { password: DEMO_PASSWORD },
    }),
  );
  await addCompanyMember({ actor: admin, companyId: company.id, email });
}
const group = await createLicenseGroup({ actor: staff, companyId: company.id, name: "Licentiegroep 1" });
const license = await createLicense({ actor: staff, groupId: group.id, productCode: "PROFIS_ENGINEERING", type: "FLOATING", seats });
await saveAssignments({
  actor: admin,
  groupId: group.id,
  expectedVersion: group.version,
  changes: users.map((user) => ({ licenseId: license.id, userId: user.id, assigned: true })),
});
await db().$disconnect();
