// R17, R27: "Resend" an invitation: a new single-use token (the old link stops working) and a new
// message with every license the company assigned to the person.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { invitationMails, listRecipients, senderNames } from "@/lib/assignments/assignment-emails";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { enqueueEmails } from "@/lib/email/enqueue-email";
import { DomainError, notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export async function resendInvitation(options: {
  actor: Actor;
  groupId: string;
  userId: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<void> {
  if (!isRecordId(options.groupId)) throw notFound("License group");
  if (!isRecordId(options.userId)) throw notFound("User");
  const now = (options.clock ?? systemClock).now();

  await runInTransaction(options.db, async (transaction) => {
    const group = await transaction.licenseGroup.findUnique({ where: { id: options.groupId }, select: { companyId: true } });
    if (!group) throw notFound("License group");
    await requireCompanyAdmin({ actor: options.actor, companyId: group.companyId, db: transaction, resource: "License group" });
    // R28: anyone outside the company is as unknown as a missing user.
    const membership = await transaction.membership.findUnique({
      where: { userId_companyId: { userId: options.userId, companyId: group.companyId } },
      select: { id: true },
    });
    if (!membership) throw notFound("User");

    const recipient = (await listRecipients(transaction, [options.userId])).get(options.userId)!;
    if (recipient.isRegistered) throw new DomainError("INVALID", "This user has registered already", { reason: "ALREADY_REGISTERED" });
    const licenses = await transaction.license.findMany({
      where: { group: { companyId: group.companyId }, assignments: { some: { userId: options.userId, revokedAt: null } } },
      select: { id: true, activationKey: true, product: { select: { code: true, name: true, kind: true, downloadUrl: true } } },
    });
    // R17: an invitation invites to software; without a license there is nothing to invite to.
    if (licenses.length === 0) throw new DomainError("INVALID", "Nothing is assigned to this user", { reason: "NOTHING_ASSIGNED" });

    const sender = await senderNames(transaction, options.actor, group.companyId);
    const messages = await invitationMails({
      transaction,
      companyId: group.companyId,
      sender,
      invitees: [
        {
          recipient,
          licenses: licenses.map((license) => ({
            id: license.id,
            activationKey: license.activationKey,
            productCode: license.product.code,
            productName: license.product.name,
            productKind: license.product.kind,
            downloadUrl: license.product.downloadUrl,
          })),
        },
      ],
      clock: options.clock,
    });
    await enqueueEmails({ db: transaction, messages, clock: options.clock });
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "invitation.resent",
        companyId: group.companyId,
        actorId: options.actor.id,
        subjectUserId: options.userId,
        data: { groupId: options.groupId },
        at: now,
      },
    });
  });
}
