// R17, R21, R27: a saved change set commits together with its mails; a refused one has none.
// And the invitation link leads through registration to the license (decision 007).
import { expect, test } from "vitest";
import { describeInvitation } from "@/lib/accounts/describe-invitation";
import { registerAccount } from "@/lib/accounts/register-account";
import { getLicenseGroupGrid } from "@/lib/assignments/get-license-group-grid";
import { resendInvitation } from "@/lib/assignments/resend-invitation";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { signInWithPassword } from "@/lib/auth/authenticate";
import { hashToken } from "@/lib/auth/one-time-tokens";
import { db } from "@/lib/db/client";
import { renderEmail } from "@/lib/email/render-email";
import { createRateLimits } from "@/lib/rate-limit/rate-limits";
import { createTestTenant, type TestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

const PASSWORD = "correct horse battery staple";
const outbox = (tenant: TestTenant) =>
  db().emailMessage.findMany({ where: { companyId: tenant.company.id }, orderBy: [{ template: "asc" }, { toAddress: "asc" }] });
const grant = (licenseId: string, userId: string) => ({ licenseId, userId, assigned: true });

async function version(tenant: TestTenant): Promise<number> {
  return (await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } })).version;
}

function invitationLink(payload: unknown): URL {
  return new URL((payload as { registerUrl: string }).registerUrl);
}

test("R21: a registered user gets one license mail per new license, in their language, naming admin and company", async () => {
  const tenant = await createTestTenant();
  const web = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const desktop = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const jan = await tenant.addUser();
  await db().user.update({ where: { id: jan.id }, data: { language: "en" } });

  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [grant(web.id, jan.id), grant(desktop.id, jan.id)],
  });

  const mails = await outbox(tenant);
  expect(mails).toHaveLength(2);
  const sender = { companyName: tenant.company.name, adminName: "Admin Person" };
  expect(mails[0]).toMatchObject({
    template: "license-assigned-desktop",
    toAddress: jan.email,
    locale: "en",
    userId: jan.id,
    status: "PENDING",
    payload: {
      ...sender,
      firstName: "Test",
      productName: "PROFIS Layout Office",
      activationKey: desktop.activationKey,
      downloadUrl: expect.stringMatching(/^https?:\/\/.+\/downloads\/profis-layout-office$/),
    },
  });
  expect(mails[1]).toMatchObject({
    template: "license-assigned-web",
    locale: "en",
    payload: {
      ...sender,
      productName: "PROFIS Engineering",
      startUrl: expect.stringMatching(/^https?:\/\/.+\/launch\/profis-engineering\?for=[A-Za-z0-9_-]{22}$/),
    },
  });

  // Re-saving what is already in place sends nothing again; a revocation sends nothing.
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 1,
    changes: [grant(web.id, jan.id), { licenseId: desktop.id, userId: jan.id, assigned: false }],
  });
  expect(await outbox(tenant)).toHaveLength(2);
});

test("R17: an unregistered contact gets ONE invitation per save listing every new product, with a single-use link", async () => {
  const tenant = await createTestTenant();
  const web = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const floating = await tenant.addLicense("PROFIS_ENGINEERING", "FLOATING", 1);
  const desktop = await tenant.addLicense("PROFIS_DETECTION_OFFICE", "NODE_LOCKED");
  const zoe = await tenant.addInvitedUser();

  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [grant(web.id, zoe.id), grant(floating.id, zoe.id), grant(desktop.id, zoe.id)],
  });

  const mails = await outbox(tenant);
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject({
    template: "invitation",
    toAddress: zoe.email,
    locale: "nl",
    userId: zoe.id,
    payload: {
      firstName: "Invited",
      productNames: ["PROFIS Detection Office", "PROFIS Engineering"],
      companyName: tenant.company.name,
      adminName: "Admin Person",
    },
  });
  const link = invitationLink(mails[0]!.payload);
  expect(link.pathname).toBe("/register");
  expect(link.searchParams.get("email")).toBe(zoe.email);
  // "Registreren" continues to what can be started at once: the web application, not the download.
  expect(link.searchParams.get("product")).toBe("PROFIS_ENGINEERING");
  const token = await db().token.findUniqueOrThrow({ where: { tokenHash: hashToken(link.searchParams.get("invitation")!) } });
  expect(token).toMatchObject({
    purpose: "INVITATION",
    userId: zoe.id,
    usedAt: null,
    data: {
      companyId: tenant.company.id,
      productCodes: ["PROFIS_DETECTION_OFFICE", "PROFIS_ENGINEERING"],
      continueTo: "PROFIS_ENGINEERING",
    },
  });

  // The invitation carries each license (decision 007) as a license mail would: the desktop
  // download with its key, the web application's "Let's get started" (once, though two of its
  // licenses were granted), each through registration to that software.
  expect((mails[0]!.payload as { licenses: unknown }).licenses).toEqual([
    {
      kind: "DESKTOP",
      productCode: "PROFIS_DETECTION_OFFICE",
      productName: "PROFIS Detection Office",
      activationKey: desktop.activationKey,
      downloadUrl: expect.stringMatching(/^https?:\/\/.+\/downloads\/profis-detection-office$/),
    },
    { kind: "WEB", productCode: "PROFIS_ENGINEERING", productName: "PROFIS Engineering" },
  ]);
  const rendered = await renderEmail({ template: "invitation", locale: "nl", payload: mails[0]!.payload as never });
  expect(rendered.text).toContain("Registreren");
  expect(rendered.text).toContain("Download desktop software");
  expect(rendered.text).toContain(desktop.activationKey!);
  expect(rendered.text).toContain("Laten we beginnen");
  const startHref = [...rendered.html.matchAll(/href="([^"]+)"/g)]
    .map((match) => new URL(match[1]!.replaceAll("&amp;", "&")))
    .find((url) => url.pathname === "/register" && url.searchParams.get("product") === "PROFIS_ENGINEERING");
  expect(startHref?.searchParams.get("invitation")).toBe(link.searchParams.get("invitation"));

  // The grid labels the contact "Invitation sent" (pending until the worker delivers it).
  const grid = await getLicenseGroupGrid({ actor: tenant.admin, groupId: tenant.group.id });
  expect(grid.users.find((user) => user.id === zoe.id)).toMatchObject({ isRegistered: false, invitation: { status: "PENDING" } });
});

test("R27: a refused save (SEATS_EXHAUSTED, stale version) leaves no mail and no token behind", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 1);
  const [jan, zoe] = [await tenant.addUser(), await tenant.addInvitedUser()];

  await expect(
    saveAssignments({
      actor: tenant.admin,
      groupId: tenant.group.id,
      expectedVersion: 0,
      changes: [grant(named.id, jan.id), grant(named.id, zoe.id)],
    }),
  ).rejects.toMatchObject({
    code: "SEATS_EXHAUSTED",
  });
  await expect(
    saveAssignments({ actor: tenant.admin, groupId: tenant.group.id, expectedVersion: 7, changes: [grant(named.id, zoe.id)] }),
  ).rejects.toMatchObject({ code: "CONFLICT" });
  expect(await outbox(tenant)).toEqual([]);
  expect(await db().token.count({ where: { userId: { in: [jan.id, zoe.id] } } })).toBe(0);
});

test("R17 → R9/R10: invitation link → register → registered and verified at once, the license is theirs; the link works once", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const zoe = await tenant.addInvitedUser();
  await saveAssignments({ actor: tenant.admin, groupId: tenant.group.id, expectedVersion: 0, changes: [grant(named.id, zoe.id)] });
  const link = invitationLink((await outbox(tenant))[0]!.payload);
  const invitationToken = link.searchParams.get("invitation")!;
  const rateLimits = createRateLimits({ db: db() });

  // The registration page prefills the names the admin typed, for the link's own address only.
  expect(await describeInvitation({ token: invitationToken, email: zoe.email.toUpperCase() })).toEqual({
    email: zoe.email,
    firstName: "Invited",
    lastName: "Contact",
  });
  expect(await describeInvitation({ token: invitationToken, email: "someone.else@test.example" })).toBeNull();
  expect(
    await describeInvitation({ token: invitationToken.replace(/.$/, (last) => (last === "A" ? "B" : "A")), email: zoe.email }),
  ).toBeNull();

  const outcome = await registerAccount({
    email: link.searchParams.get("email")!,
    password: PASSWORD,
    acceptTerms: true,
    language: "en",
    invitationToken,
    continueTo: "PROFIS_ENGINEERING",
    rateLimits,
  });
  expect(outcome).toEqual({
    status: "ACTIVATED",
    continueTo: { kind: "software", productName: "PROFIS Engineering", url: expect.any(String) },
  });
  expect(await signInWithPassword({ credentials: { email: zoe.email, password: PASSWORD }, rateLimits })).toMatchObject({
    status: "signed-in",
    claims: { userId: zoe.id },
  });
  // No verification mail: the invitation link proved the mailbox.
  expect(await db().emailMessage.count({ where: { userId: zoe.id, template: "account-verification" } })).toBe(0);
  const grid = await getLicenseGroupGrid({ actor: tenant.admin, groupId: tenant.group.id });
  expect(grid.users.find((user) => user.id === zoe.id)).toMatchObject({
    isRegistered: true,
    invitation: null,
    assignedLicenseIds: [named.id],
  });
  const audited = await db().auditEvent.findMany({
    where: { subjectUserId: zoe.id, action: { in: ["account.registered", "account.verified"] } },
  });
  expect(audited.map((event) => event.companyId)).toEqual([tenant.company.id, tenant.company.id]);

  // Used once: the same link again is an ordinary registration of a registered address.
  const again = await registerAccount({
    email: zoe.email,
    password: "another horse battery staple",
    acceptTerms: true,
    language: "en",
    invitationToken,
    rateLimits,
  });
  expect(again).toEqual({ status: "VERIFICATION_SENT" });
  expect(await describeInvitation({ token: invitationToken, email: zoe.email })).toBeNull();
  expect(await signInWithPassword({ credentials: { email: zoe.email, password: PASSWORD }, rateLimits })).toMatchObject({
    status: "signed-in",
  });
});

test("registering from an invitation's button continues to the software of that button, when the invitation covers it", async () => {
  const tenant = await createTestTenant();
  const web = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const [desktop, secondDesktop] = [
    await tenant.addLicense("PROFIS_DETECTION_OFFICE", "NODE_LOCKED"),
    await tenant.addLicense("PROFIS_DETECTION_OFFICE", "NODE_LOCKED"),
  ];
  const [zoe, yara] = [await tenant.addInvitedUser(), await tenant.addInvitedUser()];
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [grant(web.id, zoe.id), grant(desktop.id, zoe.id), grant(secondDesktop.id, yara.id)],
  });
  const tokenOf = async (userId: string) =>
    invitationLink((await db().emailMessage.findFirstOrThrow({ where: { userId, template: "invitation" } })).payload).searchParams.get(
      "invitation",
    )!;
  const rateLimits = createRateLimits({ db: db() });

  // Zoe clicked "Let's get started" of PROFIS Engineering (the mail's first product is Detection Office).
  const zoeOutcome = await registerAccount({
    email: zoe.email,
    password: PASSWORD,
    acceptTerms: true,
    language: "nl",
    invitationToken: await tokenOf(zoe.id),
    continueTo: "PROFIS_ENGINEERING",
    rateLimits,
  });
  expect(zoeOutcome).toEqual({
    status: "ACTIVATED",
    continueTo: { kind: "software", productName: "PROFIS Engineering", url: "/launch/profis-engineering" },
  });
  // Yara's link names a product her invitation does not cover: she continues to her own software.
  const yaraOutcome = await registerAccount({
    email: yara.email,
    password: PASSWORD,
    acceptTerms: true,
    language: "nl",
    invitationToken: await tokenOf(yara.id),
    continueTo: "PROFIS_ENGINEERING",
    rateLimits,
  });
  expect(yaraOutcome).toEqual({
    status: "ACTIVATED",
    continueTo: { kind: "software", productName: "PROFIS Detection Office", url: "/my-software" },
  });
});

test("decision 007: an invitation token only activates its own address; any other gets the ordinary verification mail", async () => {
  const tenant = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const [zoe, eve] = [await tenant.addInvitedUser(), await tenant.addInvitedUser()];
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: 0,
    changes: [grant(named.id, zoe.id), grant(named.id, eve.id)],
  });
  const zoeMail = (await outbox(tenant)).find((mail) => mail.toAddress === zoe.email)!;
  const zoeToken = invitationLink(zoeMail.payload).searchParams.get("invitation")!;
  const rateLimits = createRateLimits({ db: db() });

  expect(
    await registerAccount({
      email: eve.email,
      password: PASSWORD,
      acceptTerms: true,
      language: "nl",
      invitationToken: zoeToken,
      rateLimits,
    }),
  ).toEqual({ status: "VERIFICATION_SENT" });
  expect(await db().user.findUniqueOrThrow({ where: { id: eve.id } })).toMatchObject({ emailVerifiedAt: null, passwordHash: null });
  // Zoe's token was not spent by the attempt.
  expect(await db().token.findUniqueOrThrow({ where: { tokenHash: hashToken(zoeToken) } })).toMatchObject({ usedAt: null });
});

test("R17: resending an invitation issues a new link (the old one stops working), a new mail and an audit event", async () => {
  const tenant = await createTestTenant();
  const other = await createTestTenant();
  const named = await tenant.addLicense("PROFIS_ENGINEERING", "NAMED_USER", 5);
  const [zoe, jan, idle] = [await tenant.addInvitedUser(), await tenant.addUser(), await tenant.addInvitedUser()];
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: await version(tenant),
    changes: [grant(named.id, zoe.id), grant(named.id, jan.id)],
  });
  const first = invitationLink((await outbox(tenant)).find((mail) => mail.template === "invitation")!.payload).searchParams.get(
    "invitation",
  )!;

  await resendInvitation({ actor: tenant.admin, groupId: tenant.group.id, userId: zoe.id });
  const invitations = (await outbox(tenant)).filter((mail) => mail.template === "invitation");
  expect(invitations).toHaveLength(2);
  const second = invitations.map((mail) => invitationLink(mail.payload).searchParams.get("invitation")!).find((token) => token !== first)!;
  // The resent mail carries the licenses as the first did.
  for (const mail of invitations)
    expect((mail.payload as { licenses: unknown }).licenses).toEqual([
      { kind: "WEB", productCode: "PROFIS_ENGINEERING", productName: "PROFIS Engineering" },
    ]);
  expect(await db().token.count({ where: { tokenHash: hashToken(first) } })).toBe(0);
  expect(await db().token.count({ where: { tokenHash: hashToken(second), usedAt: null } })).toBe(1);
  expect(
    await db().auditEvent.count({
      where: { action: "invitation.resent", companyId: tenant.company.id, subjectUserId: zoe.id, actorId: tenant.admin.id },
    }),
  ).toBe(1);

  await expect(resendInvitation({ actor: tenant.admin, groupId: tenant.group.id, userId: jan.id })).rejects.toMatchObject({
    code: "INVALID",
    details: { reason: "ALREADY_REGISTERED" },
  });
  await expect(resendInvitation({ actor: tenant.admin, groupId: tenant.group.id, userId: idle.id })).rejects.toMatchObject({
    code: "INVALID",
    details: { reason: "NOTHING_ASSIGNED" },
  });
  // R28: another company's admin, with either company's group, cannot touch Zoe.
  await expect(resendInvitation({ actor: other.admin, groupId: tenant.group.id, userId: zoe.id })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(resendInvitation({ actor: other.admin, groupId: other.group.id, userId: zoe.id })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  const plain = await tenant.addUser();
  await expect(resendInvitation({ actor: plain, groupId: tenant.group.id, userId: zoe.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  expect((await outbox(tenant)).filter((mail) => mail.template === "invitation")).toHaveLength(2);
});
