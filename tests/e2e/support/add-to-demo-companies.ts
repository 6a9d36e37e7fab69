// Run by the e2e specs with tsx (tests/e2e/support/identity.ts): the back office adds a freshly
// registered identity to both demo companies through the domain (R14), as the seed does, since
// no screen for it exists yet. Usage: DATABASE_URL=… tsx add-to-demo-companies.ts <email> [<role in the Belgian company>]
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { db } from "@/lib/db/client";
import { STAFF_EMAIL } from "./demo";

const email = process.argv[2];
if (!email) throw new Error("usage: add-to-demo-companies.ts <email>");
const staff = await db().user.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
const companies = await db().company.findMany({ where: { sapAccountNumber: { in: ["0001000001", "0002000001"] } } });
const belgianRole = process.argv[3] === "ADMIN" ? "ADMIN" : "USER";
for (const company of companies) {
  await addCompanyMember({
    actor: staff,
    companyId: company.id,
    email,
    role: company.sapAccountNumber === "0002000001" ? belgianRole : "USER",
  });
}
await db().$disconnect();
