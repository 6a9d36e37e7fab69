// Run by tests/e2e/backoffice.spec.ts with tsx: registered people who hold a license, so the back
// office has seats in use to reduce. They join the license's company and are assigned by one of
// its admins through the domain (R14, R16), as the grid would do it.
// Usage: DATABASE_URL=… tsx seed-license-assignees.ts <licenseId> <count>; prints their emails as JSON.
import { randomBytes } from "node:crypto";
import { createAccount } from "@/lib/accounts/create-account";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { DEMO_PASSWORD } from "./demo";

const [licenseId, countText = "1"] = process.argv.slice(2);
if (!licenseId) throw new Error("usage: seed-license-assignees.ts <licenseId> <count>");
const license = await db().license.findUniqueOrThrow({ where: { id: licenseId }, include: { group: true } });
const admin = await db().membership.findFirstOrThrow({
  where: { companyId: license.group.companyId, role: "ADMIN" },
  include: { user: true },
});
const passwordHash = await hashPassword(DEMO_PASSWORD);
const emails: string[] = [];
for (let index = 0; index < Number(countText); index++) {
  const suffix = randomBytes(3).toString("hex");
  const user = await createAccount({
    email: `assignee-${index}-${suffix}@e2e.example`,
    firstName: `Houder${index}`,
    lastName: `E2E ${suffix}`,
    credentials: { passwordHash },
  });
  await addCompanyMember({ actor: admin.user, companyId: license.group.companyId, email: user.email });
  emails.push(user.email);
}
const users = await db().user.findMany({ where: { email: { in: emails } } });
const { version } = await db().licenseGroup.findUniqueOrThrow({ where: { id: license.groupId } });
await saveAssignments({
  actor: admin.user,
  groupId: license.groupId,
  expectedVersion: version,
  changes: users.map((user) => ({ licenseId, userId: user.id, assigned: true })),
});
process.stdout.write(JSON.stringify(emails));
await db().$disconnect();
