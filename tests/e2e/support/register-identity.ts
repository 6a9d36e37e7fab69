// Run by the e2e specs with tsx (tests/e2e/support/identity.ts → registerIdentity): a registered,
// verified identity that belongs to no company yet, made through the domain (createAccount), for
// "Add user" of a known address (R14). Usage: DATABASE_URL=… tsx register-identity.ts <email> <first> <last>
import { createAccount } from "@/lib/accounts/create-account";
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD } from "./demo";

const [email, firstName = "E2E", lastName = "Person"] = process.argv.slice(2);
if (!email) throw new Error("usage: register-identity.ts <email> [first] [last]");
await createAccount({ email, firstName, lastName, credentials: { password: DEMO_PASSWORD } });
await db().$disconnect();
