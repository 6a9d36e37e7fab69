// Decision 016: a company bought into existence in the shop is not verified. Its admins
// invite instead of adding: the same answer, no membership and no account change whether or not
// the address has an account; the person joins by accepting. Staff-created companies and those
// with a paid invoice add at once (R14).
import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { markInvoicePaid } from "@/lib/backoffice/mark-handled";
import { db } from "@/lib/db/client";
import { acceptMembershipInvitation, getMembershipInvitation } from "@/lib/memberships/accept-membership-invitation";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { addUserToCompany } from "@/lib/memberships/add-user-to-company";
import { placeOrder } from "@/lib/shop/place-order";
import { createTestAccount, createTestTenant, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const typedContact = { title: "MR", firstName: "Typed", lastName: "ByAdmin", position: "Anything", language: "en" } as const;

async function selfMadeCompany() {
  const tenant = await createTestTenant(); // the catalogue, and staff for the back office
  const buyer = await createTestAccount({ firstName: "Buyer" });
  const { order } = await placeOrder({
    actor: buyer,
    newCompany: { name: uniqueName("Self made"), country: "NL", vatNumber: "" },
    lines: [{ kind: "NEW_LICENSE", productCode: "PROFIS_ENGINEERING", edition: "STANDARD", type: "NAMED_USER", seats: 1 }],
    idempotencyKey: `checkout-${randomUUID()}`,
  });
  return { staff: tenant.staff, admin: buyer, companyId: order.companyId, orderId: order.id };
}

/** The mail a self-made company's admin caused, as stored in the outbox. */
async function newestMailTo(email: string) {
  return db().emailMessage.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: "desc" } });
}

test("a company created by staff is verified; one created by an order is not until its invoice is paid", async () => {
  const tenant = await createTestTenant();
  expect((await db().company.findUniqueOrThrow({ where: { id: tenant.company.id } })).verifiedAt).toBeInstanceOf(Date);
  const selfMade = await selfMadeCompany();
  expect((await db().company.findUniqueOrThrow({ where: { id: selfMade.companyId } })).verifiedAt).toBeNull();
  await markInvoicePaid({ actor: selfMade.staff, orderId: selfMade.orderId });
  expect((await db().company.findUniqueOrThrow({ where: { id: selfMade.companyId } })).verifiedAt).toBeInstanceOf(Date);
  expect(await db().auditEvent.count({ where: { companyId: selfMade.companyId, action: "company.verified" } })).toBe(1);
});

test("unverified: an existing account and a new address get the same answer; nobody becomes a member, no account is created or renamed", async () => {
  const { admin, companyId } = await selfMadeCompany();
  const existing = await createTestAccount({ firstName: "Real" });
  const newAddress = `${uniqueName("nobody")}@test.example`;

  const forExisting = await addUserToCompany({ actor: admin, companyId, email: existing.email, contact: typedContact });
  const forNew = await addUserToCompany({ actor: admin, companyId, email: newAddress, contact: typedContact });
  expect(forExisting).toEqual({ status: "INVITED", email: existing.email });
  expect(forNew).toEqual({ status: "INVITED", email: newAddress });

  expect(await db().membership.count({ where: { companyId, userId: existing.id } })).toBe(0);
  expect(await db().user.count({ where: { email: newAddress } })).toBe(0);
  expect(await db().user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ firstName: "Real", lastName: "Person" });
  // The mails greet nobody by a typed name and carry the same fields either way.
  for (const email of [existing.email, newAddress]) {
    const mail = await newestMailTo(email);
    expect(mail.template).toBe("membership-invitation");
    expect(JSON.stringify(mail.payload)).not.toMatch(/Typed|ByAdmin/);
    expect(Object.keys(mail.payload as object).sort()).toEqual(["acceptUrl", "adminName", "companyName", "expiresInDays"]);
  }
  // The admin's audit trail does not name the account either.
  const invited = await db().auditEvent.findMany({ where: { companyId, action: "member.invited" } });
  expect(invited).toHaveLength(2);
  expect(invited.every((event) => event.subjectUserId === null)).toBe(true);
});

test("unverified: only the invited address accepts, once; accepting makes the person a member", async () => {
  const { admin, companyId } = await selfMadeCompany();
  const invitee = await createTestAccount();
  const stranger = await createTestAccount();
  await addUserToCompany({ actor: admin, companyId, email: invitee.email });
  const token = new URL(String(((await newestMailTo(invitee.email)).payload as { acceptUrl: string }).acceptUrl)).searchParams.get(
    "token",
  )!;

  expect(await getMembershipInvitation({ actor: stranger, token })).toMatchObject({ isForActor: false });
  await expect(acceptMembershipInvitation({ actor: stranger, token })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await db().membership.count({ where: { companyId, userId: stranger.id } })).toBe(0);

  await expect(acceptMembershipInvitation({ actor: invitee, token })).resolves.toEqual({ companyId });
  expect(await db().membership.findUniqueOrThrow({ where: { userId_companyId: { userId: invitee.id, companyId } } })).toMatchObject({
    role: "USER",
  });
  expect((await db().user.findUniqueOrThrow({ where: { id: invitee.id } })).currentCompanyId).toBe(companyId);
  await expect(acceptMembershipInvitation({ actor: invitee, token })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await db().auditEvent.count({ where: { companyId, action: "member.joined", subjectUserId: invitee.id } })).toBe(1);
});

test("unverified: a second invitation replaces the first link; a member is named as one", async () => {
  const { admin, companyId } = await selfMadeCompany();
  const invitee = await createTestAccount();
  await addUserToCompany({ actor: admin, companyId, email: invitee.email });
  const first = new URL(((await newestMailTo(invitee.email)).payload as { acceptUrl: string }).acceptUrl).searchParams.get("token")!;
  await new Promise((resolve) => setTimeout(resolve, 5));
  await addUserToCompany({ actor: admin, companyId, email: invitee.email });
  const second = new URL(((await newestMailTo(invitee.email)).payload as { acceptUrl: string }).acceptUrl).searchParams.get("token")!;
  await expect(acceptMembershipInvitation({ actor: invitee, token: first })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await acceptMembershipInvitation({ actor: invitee, token: second });
  await expect(addUserToCompany({ actor: admin, companyId, email: invitee.email })).rejects.toMatchObject({
    code: "CONFLICT",
    details: { reason: "ALREADY_MEMBER" },
  });
});

test("unverified: adding at once is refused to the company's admin, still allowed to staff", async () => {
  const { staff, admin, companyId } = await selfMadeCompany();
  const person = await createTestAccount();
  await expect(addCompanyMember({ actor: admin, companyId, email: person.email })).rejects.toMatchObject({
    code: "FORBIDDEN",
    details: { reason: "COMPANY_NOT_VERIFIED" },
  });
  await expect(addCompanyMember({ actor: staff, companyId, email: person.email })).resolves.toMatchObject({ isNewContact: false });
});

test("R14 stays for verified companies: staff-created, or once the invoice is paid", async () => {
  const tenant = await createTestTenant();
  const person = await createTestAccount();
  await expect(addUserToCompany({ actor: tenant.admin, companyId: tenant.company.id, email: person.email })).resolves.toEqual({
    status: "ADDED",
    email: person.email,
    isNewContact: false,
  });

  const selfMade = await selfMadeCompany();
  await markInvoicePaid({ actor: selfMade.staff, orderId: selfMade.orderId });
  const colleague = await createTestAccount();
  await expect(addUserToCompany({ actor: selfMade.admin, companyId: selfMade.companyId, email: colleague.email })).resolves.toMatchObject({
    status: "ADDED",
  });
  expect(await db().membership.count({ where: { companyId: selfMade.companyId, userId: colleague.id } })).toBe(1);
});

test("R28: nobody outside the company invites into it", async () => {
  const { companyId } = await selfMadeCompany();
  const other = await createTestTenant();
  const email = `${uniqueName("target")}@test.example`;
  await expect(addUserToCompany({ actor: other.admin, companyId, email })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await db().membershipInvitation.count({ where: { email } })).toBe(0);
});
