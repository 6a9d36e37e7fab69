// Run by the e2e specs with tsx (tests/e2e/support/identity.ts → addDemoContact): the demo admin
// adds a colleague without a login to the Dutch demo company through the domain, as "Gebruiker
// toevoegen" does (R14). Usage: DATABASE_URL=… tsx add-demo-contact.ts <email> <first> <last> <language>
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { db } from "@/lib/db/client";
import { ADMIN_EMAIL } from "./demo";

const [email, firstName = "Collega", lastName = "Zonder Login", language = "nl"] = process.argv.slice(2);
if (!email || (language !== "nl" && language !== "en")) throw new Error("usage: add-demo-contact.ts <email> [first] [last] [nl|en]");
const admin = await db().user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL } });
const company = await db().company.findUniqueOrThrow({ where: { sapAccountNumber: "0001000001" } });
await addCompanyMember({
  actor: admin,
  companyId: company.id,
  email,
  contact: { title: "MS", firstName, lastName, position: "Constructeur", language },
});
await db().$disconnect();
