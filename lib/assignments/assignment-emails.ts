// R17, R21, R27: the mails of a saved change set, in the caller's transaction (outbox). A registered
// user gets a mail per license; an unregistered contact ONE invitation per save with every license
// and a single-use registration link (decision 007).
import "server-only";
import type { Locale, ProductKind } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { INVITATION_TOKEN_TTL_MS, issueTokens } from "@/lib/auth/one-time-tokens";
import type { Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { absoluteUrl } from "@/lib/email/absolute-url";
import type { InvitedLicense } from "@/lib/email/email-templates";
import { enqueueEmails, type OutboxMessage } from "@/lib/email/enqueue-email";
import { mailedLaunchPath } from "@/lib/launch/launch-link";

/** What a license mail needs to know about the license (read with the license row lock). */
export type MailedLicense = {
  id: string;
  productCode: string;
  productName: string;
  productKind: ProductKind;
  downloadUrl: string | null;
  activationKey: string | null;
};

type Recipient = { id: string; email: string; firstName: string; language: Locale; isRegistered: boolean; launchLinkSecret: string };

/** The token's data: which company invited the person to which products (decision 007). */
export type InvitationData = { companyId: string; productCodes: string[]; continueTo: string };

export async function enqueueAssignmentEmails(options: {
  transaction: DbClient;
  actor: Actor;
  companyId: string;
  granted: { licenseId: string; userId: string }[];
  licenses: MailedLicense[];
  clock?: Clock;
}): Promise<void> {
  const { transaction, granted } = options;
  if (granted.length === 0) return;
  const sender = await senderNames(transaction, options.actor, options.companyId);
  const recipients = await listRecipients(transaction, [...new Set(granted.map((grant) => grant.userId))]);
  const licenseById = new Map(options.licenses.map((license) => [license.id, license]));

  const messages: OutboxMessage[] = [];
  const invitedLicenses = new Map<string, MailedLicense[]>();
  for (const grant of granted) {
    const recipient = recipients.get(grant.userId)!;
    const license = licenseById.get(grant.licenseId)!;
    if (recipient.isRegistered) messages.push(licenseMail(recipient, license, sender, options.companyId));
    else invitedLicenses.set(recipient.id, [...(invitedLicenses.get(recipient.id) ?? []), license]);
  }

  const invitees = [...invitedLicenses].map(([userId, licenses]) => ({ recipient: recipients.get(userId)!, licenses }));
  messages.push(...(await invitationMails({ transaction, companyId: options.companyId, sender, invitees, clock: options.clock })));
  await enqueueEmails({ db: transaction, messages, clock: options.clock });
}

/** R17: invitations with fresh single-use tokens; an older, unused invitation link stops working. */
export async function invitationMails(options: {
  transaction: DbClient;
  companyId: string;
  sender: SenderNames;
  invitees: { recipient: Recipient; licenses: MailedLicense[] }[];
  clock?: Clock;
}): Promise<OutboxMessage[]> {
  const invitees = options.invitees.map(({ recipient, licenses }) => {
    const sorted = licenses.toSorted((left, right) => left.productName.localeCompare(right.productName) || left.id.localeCompare(right.id));
    const productCodes = [...new Set(sorted.map((license) => license.productCode))];
    const productNames = [...new Set(sorted.map((license) => license.productName))];
    // "Register" continues to software the person can start at once: a web product before a download.
    const continueTo = (sorted.find((license) => license.productKind === "WEB") ?? sorted[0]!).productCode;
    return { recipient, licenses: sorted, productCodes, productNames, continueTo };
  });
  const tokens = await issueTokens({
    db: options.transaction,
    purpose: "INVITATION",
    ttlMs: INVITATION_TOKEN_TTL_MS,
    tokens: invitees.map(({ recipient, productCodes, continueTo }) => ({
      userId: recipient.id,
      data: { companyId: options.companyId, productCodes, continueTo } satisfies InvitationData,
    })),
    clock: options.clock,
  });
  return invitees.map(({ recipient, licenses, productNames, continueTo }) => ({
    template: "invitation",
    to: recipient.email,
    locale: recipient.language,
    userId: recipient.id,
    companyId: options.companyId,
    payload: {
      firstName: recipient.firstName,
      productNames,
      companyName: options.sender.companyName,
      adminName: options.sender.adminName,
      // The template links each web license's "Let's get started" to this address with its own
      // `product`, so the token stays in one field that the outbox blanks after sending.
      registerUrl: absoluteUrl(
        `/register?${new URLSearchParams({ email: recipient.email, invitation: tokens.get(recipient.id)!, product: continueTo })}`,
      ),
      // A web product appears once however many of its licenses were granted: its button is the same.
      licenses: licenses
        .filter(
          (license, index) =>
            license.productKind !== "WEB" || licenses.findIndex((other) => other.productCode === license.productCode) === index,
        )
        .map(invitedLicense),
    },
  }));
}

function invitedLicense(license: MailedLicense): InvitedLicense {
  const product = { productCode: license.productCode, productName: license.productName };
  if (license.productKind === "WEB") return { kind: "WEB", ...product };
  return { kind: "DESKTOP", ...product, downloadUrl: downloadUrlOf(license.downloadUrl), activationKey: license.activationKey ?? "" };
}

function licenseMail(recipient: Recipient, license: MailedLicense, sender: SenderNames, companyId: string): OutboxMessage {
  const common = { to: recipient.email, locale: recipient.language, userId: recipient.id, companyId };
  const names = { firstName: recipient.firstName, productName: license.productName, ...sender };
  if (license.productKind === "WEB") {
    // The launch route, not the product's URL; the link names its recipient, so it opens at once (launch-link.ts).
    return {
      ...common,
      template: "license-assigned-web",
      payload: {
        ...names,
        startUrl: absoluteUrl(mailedLaunchPath({ launchLinkSecret: recipient.launchLinkSecret, productCode: license.productCode })),
      },
    };
  }
  return {
    ...common,
    template: "license-assigned-desktop",
    payload: { ...names, downloadUrl: downloadUrlOf(license.downloadUrl), activationKey: license.activationKey ?? "" },
  };
}

function downloadUrlOf(downloadUrl: string | null): string {
  if (!downloadUrl) return absoluteUrl("/my-software");
  return /^https?:\/\//i.test(downloadUrl) ? downloadUrl : absoluteUrl(downloadUrl);
}

export type SenderNames = { adminName: string; companyName: string };

export async function senderNames(transaction: DbClient, actor: Actor, companyId: string): Promise<SenderNames> {
  const admin = await transaction.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { firstName: true, lastName: true, email: true },
  });
  const company = await transaction.company.findUniqueOrThrow({ where: { id: companyId }, select: { name: true } });
  const adminName = `${admin.firstName} ${admin.lastName}`.trim() || admin.email;
  return { adminName, companyName: company.name };
}

export async function listRecipients(transaction: DbClient, userIds: string[]): Promise<Map<string, Recipient>> {
  // The same "registered" as the grid's label (R17): a password and a proven address.
  const users = await transaction.$queryRaw<Recipient[]>`
    SELECT "id"::text AS "id", "email", "firstName", "language"::text AS "language", "launchLinkSecret"::text AS "launchLinkSecret",
      ("passwordHash" IS NOT NULL AND "emailVerifiedAt" IS NOT NULL) AS "isRegistered"
    FROM "User" WHERE "id" = ANY(${userIds}::uuid[])`;
  return new Map(users.map((user) => [user.id, user]));
}
