// Run by the e2e specs with tsx (tests/e2e/support/identity.ts → activateDemoDevice): activates a
// node-locked license of the Dutch "Licentiegroep 1" that is assigned but on no device yet, as its
// user would from the desktop software (R3), on a machine named by the caller. Deactivating it in
// the admin view (R4) restores the demo data. Usage: DATABASE_URL=… tsx activate-demo-device.ts <hostname>
import { activateLicense } from "@/lib/activations/activate-license";
import { db } from "@/lib/db/client";

const hostname = process.argv[2];
if (!hostname) throw new Error("usage: activate-demo-device.ts <hostname>");
const license = await db().license.findFirstOrThrow({
  where: {
    type: "NODE_LOCKED",
    group: { name: "Licentiegroep 1", company: { sapAccountNumber: "0001000001" } },
    assignments: { some: { revokedAt: null } },
    activations: { none: { deactivatedAt: null } },
  },
  select: { activationKey: true, assignments: { where: { revokedAt: null }, select: { userId: true } } },
});
await activateLicense({
  actor: { id: license.assignments[0]!.userId },
  activationKey: license.activationKey!,
  fingerprint: `e2e-${hostname}`,
  hostname,
});
await db().$disconnect();
