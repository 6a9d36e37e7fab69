// Run by tests/e2e/two-instances.spec.ts with tsx: a company of its own with a floating PROFIS
// Detection Office license of <seats> seats, assigned to <users> registered users with the demo
// password, each of whom activated it on <machines> computers (R3, R5), all through the domain.
// Prints { licenseId, emails, fingerprints } as JSON. Usage: DATABASE_URL=… tsx seed-lease-race.ts <seats> <users> <machines>
import { randomInt } from "node:crypto";
import { createAccount } from "@/lib/accounts/create-account";
import { activateLicense } from "@/lib/activations/activate-license";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { hashPassword } from "@/lib/auth/password";
import { createCompany } from "@/lib/companies/create-company";
import { db } from "@/lib/db/client";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { DEMO_PASSWORD, STAFF_EMAIL } from "./demo";

const [seats, userCount, machineCount] = process.argv.slice(2).map(Number);
if (!seats || !userCount || !machineCount) throw new Error("usage: seed-lease-race.ts <seats> <users> <machines>");
const staff = await db().user.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
const suffix = String(randomInt(1_000_000, 9_999_999));
const company = await createCompany({ actor: staff, name: `E2E Stoelenrace ${suffix}`, country: "NL", sapAccountNumber: `700${suffix}` });
const passwordHash = await hashPassword(DEMO_PASSWORD);
const admin = await createAccount({
  email: `race-admin-${suffix}@e2e.example`,
  firstName: "Beheer",
  lastName: suffix,
  credentials: { passwordHash },
});
await addCompanyMember({ actor: staff, companyId: company.id, email: admin.email, role: "ADMIN" });
const users = [];
for (let index = 0; index < userCount; index++) {
  users.push(
    await createAccount({
      email: `race-${index}-${suffix}@e2e.example`,
      firstName: `Racer${index}`,
      lastName: suffix,
      credentials: { passwordHash },
    }),
  );
  await addCompanyMember({ actor: admin, companyId: company.id, email: users[index]!.email });
}
const group = await createLicenseGroup({ actor: staff, companyId: company.id, name: "Licentiegroep 1" });
const license = await createLicense({ actor: staff, groupId: group.id, productCode: "PROFIS_DETECTION_OFFICE", type: "FLOATING", seats });
await saveAssignments({
  actor: admin,
  groupId: group.id,
  expectedVersion: group.version,
  changes: users.map((user) => ({ licenseId: license.id, userId: user.id, assigned: true })),
});
const fingerprints: string[][] = [];
for (const [index, user] of users.entries()) {
  fingerprints.push([]);
  for (let machine = 0; machine < machineCount; machine++) {
    const fingerprint = `race-${suffix}-user-${index}-machine-${machine}`;
    await activateLicense({ actor: user, activationKey: license.activationKey!, fingerprint, hostname: `RACE-${index}-${machine}` });
    fingerprints[index]!.push(fingerprint);
  }
}
process.stdout.write(JSON.stringify({ licenseId: license.id, emails: users.map((user) => user.email), fingerprints }));
await db().$disconnect();
