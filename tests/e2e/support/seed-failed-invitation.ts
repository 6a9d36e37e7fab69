// Run by tests/e2e/security/hardening.spec.ts with tsx: a contact of the Dutch demo company whose
// invitation the mail server refused for good, with the server's own words as the message's
// lastError (as lib/email/deliver-email.ts records them). Prints { groupId, email } as JSON.
// Usage: DATABASE_URL=… tsx seed-failed-invitation.ts <email> <mail server answer>
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { STAFF_EMAIL } from "./demo";

const [email, serverAnswer] = process.argv.slice(2);
if (!email || !serverAnswer) throw new Error("usage: seed-failed-invitation.ts <email> <mail server answer>");
const staff = await db().user.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
const company = await db().company.findUniqueOrThrow({ where: { sapAccountNumber: "0001000001" } });
await addCompanyMember({
  actor: staff,
  companyId: company.id,
  email,
  role: "USER",
  contact: { title: "MS", firstName: "Onbereik", lastName: "Baar", position: "Werkvoorbereider", language: "nl" },
});
const user = await db().user.findUniqueOrThrow({ where: { email } });
const group = await db().licenseGroup.findFirstOrThrow({ where: { companyId: company.id }, orderBy: { createdAt: "asc" } });
await db().emailMessage.create({
  data: {
    messageId: `<${randomUUID()}@e2e.example>`,
    template: "invitation",
    toAddress: email,
    locale: "nl",
    payload: {},
    status: "FAILED",
    attempts: 5,
    lastError: serverAnswer,
    userId: user.id,
    companyId: company.id,
  },
});
process.stdout.write(JSON.stringify({ groupId: group.id, email }));
await db().$disconnect();
