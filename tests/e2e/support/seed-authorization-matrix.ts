// Run with tsx by seedAuthorizationMatrix (security-companies.ts), for the authorization matrix and the action fuzzing. Prints JSON: the two companies
// of the matrix and every resource of company A its rows name.
//   <suffix>: company A (staff-made, verified) with its ADMIN, a USER member, two more USERs whose
//   role and membership the allowed calls change, an unregistered contact with an invitation; a
//   group with a floating and a node-locked desktop license and a named web license (the member
//   holds all three, the node-locked one activated on a machine), an order its admin placed and a
//   sales lead; company B with its own ADMIN and group. Everyone registered has DEMO_PASSWORD.
import { randomInt, randomUUID } from "node:crypto";
import { createAccount } from "@/lib/accounts/create-account";
import { activateLicense } from "@/lib/activations/activate-license";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { createCompany } from "@/lib/companies/create-company";
import { db } from "@/lib/db/client";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { addUserToCompany } from "@/lib/memberships/add-user-to-company";
import { createSalesLead } from "@/lib/shop/create-sales-lead";
import { placeOrder } from "@/lib/shop/place-order";
import { DEMO_PASSWORD, STAFF_EMAIL } from "./demo";

const suffix = process.argv[2];
if (!suffix || !/^[a-z0-9]+$/.test(suffix)) throw new Error("usage: seed-authorization-matrix.ts <suffix: a-z0-9>");
const email = (who: string) => `matrix-${who}-${suffix}@e2e.example`;
const register = (who: string, firstName: string) =>
  createAccount({ email: email(who), firstName, lastName: `Matrix ${suffix}`, credentials: { password: DEMO_PASSWORD }, language: "nl" });

const staff = await db().user.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
const companyA = await createCompany({
  actor: staff,
  name: `Matrix Bedrijf A ${suffix}`,
  country: "NL",
  sapAccountNumber: String(randomInt(10_000_000, 99_999_999)),
});
const companyB = await createCompany({
  actor: staff,
  name: `Matrix Bedrijf B ${suffix}`,
  country: "NL",
  sapAccountNumber: String(randomInt(10_000_000, 99_999_999)),
});
const [adminA, memberA, leaverA, promotedA, adminB] = [
  await register("admin-a", "Beheerder"),
  await register("member-a", "Lid"),
  await register("leaver-a", "Vertrekker"),
  await register("promoted-a", "Promotie"),
  await register("admin-b", "Ander"),
];
await addCompanyMember({ actor: staff, companyId: companyA.id, email: adminA.email, role: "ADMIN" });
for (const person of [memberA, leaverA, promotedA])
  await addCompanyMember({ actor: staff, companyId: companyA.id, email: person.email, role: "USER" });
await addCompanyMember({ actor: staff, companyId: companyB.id, email: adminB.email, role: "ADMIN" });

const groupA = await createLicenseGroup({ actor: staff, companyId: companyA.id, name: "Licentiegroep 1" });
const groupB = await createLicenseGroup({ actor: staff, companyId: companyB.id, name: "Licentiegroep 1" });
const floating = await createLicense({
  actor: staff,
  groupId: groupA.id,
  productCode: "PROFIS_DETECTION_OFFICE",
  type: "FLOATING",
  seats: 3,
});
const nodeLocked = await createLicense({ actor: staff, groupId: groupA.id, productCode: "PROFIS_LAYOUT_OFFICE", type: "NODE_LOCKED" });
const named = await createLicense({ actor: staff, groupId: groupA.id, productCode: "PROFIS_ENGINEERING", type: "NAMED_USER", seats: 5 });
await addUserToCompany({
  actor: adminA,
  companyId: companyA.id,
  email: email("contact-a"),
  contact: { firstName: "Uitgenodigd", lastName: `Matrix ${suffix}`, title: "MR", position: "Tekenaar", language: "nl" },
});
const contactA = await db().user.findUniqueOrThrow({ where: { email: email("contact-a") } });
const group = await db().licenseGroup.findUniqueOrThrow({ where: { id: groupA.id } });
await saveAssignments({
  actor: adminA,
  groupId: groupA.id,
  expectedVersion: group.version,
  changes: [
    ...[floating, nodeLocked, named].map((license) => ({ licenseId: license.id, userId: memberA.id, assigned: true })),
    { licenseId: named.id, userId: contactA.id, assigned: true },
    { licenseId: named.id, userId: leaverA.id, assigned: true },
  ],
});
const activation = await activateLicense({
  actor: memberA,
  activationKey: nodeLocked.activationKey ?? "",
  fingerprint: `matrix-${suffix}-fingerprint`,
  hostname: "MATRIX-PC",
});
const { order } = await placeOrder({
  actor: adminA,
  companyId: companyA.id,
  lines: [{ kind: "NEW_LICENSE", productCode: "PROFIS_ENGINEERING", edition: "STANDARD", type: "NAMED_USER", seats: 1 }],
  billing: { street: "Matrixstraat 1", postalCode: "3526 KL", city: "Utrecht" },
  idempotencyKey: `matrix-${randomUUID()}`,
});
const lead = await createSalesLead({
  actor: memberA,
  companyName: companyA.name,
  country: "NL",
  email: memberA.email,
  message: `matrix ${suffix}`,
});

process.stdout.write(
  JSON.stringify({
    suffix,
    companyA: { id: companyA.id, name: companyA.name, groupId: groupA.id },
    companyB: { id: companyB.id, name: companyB.name, groupId: groupB.id },
    emails: {
      adminA: adminA.email,
      memberA: memberA.email,
      leaverA: leaverA.email,
      promotedA: promotedA.email,
      contactA: contactA.email,
      adminB: adminB.email,
    },
    userIds: {
      adminA: adminA.id,
      memberA: memberA.id,
      leaverA: leaverA.id,
      promotedA: promotedA.id,
      contactA: contactA.id,
      adminB: adminB.id,
    },
    licenses: {
      floating: floating.id,
      nodeLocked: nodeLocked.id,
      named: named.id,
      nodeLockedKey: nodeLocked.activationKey,
      floatingKey: floating.activationKey,
    },
    activationId: activation.activation.id,
    orderId: order.id,
    salesLeadId: lead.id,
  }),
);
await db().$disconnect();
