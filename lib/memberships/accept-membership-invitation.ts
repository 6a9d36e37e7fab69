// Decision 016: the invited person joins by accepting, signed in with the invited address; one conditional
// UPDATE makes it single use, and any other link is NOT_FOUND.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashToken, isWellFormedToken } from "@/lib/auth/one-time-tokens";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";

export type MembershipInvitationView = { companyId: string; companyName: string; isForActor: boolean; isMember: boolean };

/** The company, and whether the signed-in person may accept. */
export async function getMembershipInvitation(options: {
  actor: Actor;
  token: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<MembershipInvitationView | null> {
  if (!isWellFormedToken(options.token)) return null;
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  const invitation = await client.membershipInvitation.findUnique({
    where: { tokenHash: hashToken(options.token) },
    select: { email: true, acceptedAt: true, expiresAt: true, company: { select: { id: true, name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) return null;
  const actor = await client.user.findUnique({
    where: { id: options.actor.id },
    select: { email: true, memberships: { where: { companyId: invitation.company.id }, select: { id: true } } },
  });
  return {
    companyId: invitation.company.id,
    companyName: invitation.company.name,
    isForActor: actor?.email === invitation.email,
    isMember: (actor?.memberships.length ?? 0) > 0,
  };
}

export async function acceptMembershipInvitation(options: {
  actor: Actor;
  token: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<{ companyId: string }> {
  if (!isWellFormedToken(options.token)) throw notFound("Invitation");
  const now = (options.clock ?? systemClock).now();
  return runInTransaction(options.db, async (transaction) => {
    const [invitation] = await transaction.$queryRaw<{ id: string; companyId: string; invitedById: string | null }[]>`
      UPDATE "MembershipInvitation" i SET "acceptedAt" = ${now}
      FROM "User" u
      WHERE i."tokenHash" = ${hashToken(options.token)} AND i."acceptedAt" IS NULL AND i."expiresAt" > ${now}
        AND u."id" = ${options.actor.id}::uuid AND u."email" = i."email" AND u."disabledAt" IS NULL
      RETURNING i."id"::text AS "id", i."companyId"::text AS "companyId", i."invitedById"::text AS "invitedById"`;
    if (!invitation) throw notFound("Invitation");
    const joined = await transaction.$executeRaw`
      INSERT INTO "Membership" ("userId", "companyId", "role", "addedById", "updatedAt")
      VALUES (${options.actor.id}::uuid, ${invitation.companyId}::uuid, 'USER', ${invitation.invitedById}::uuid, ${now})
      ON CONFLICT ("userId", "companyId") DO NOTHING`;
    // R11: the person continues in the company they just joined.
    await transaction.user.update({ where: { id: options.actor.id }, data: { currentCompanyId: invitation.companyId } });
    if (joined > 0) {
      await recordAuditEvent({
        db: transaction,
        event: {
          action: "member.joined",
          companyId: invitation.companyId,
          actorId: options.actor.id,
          subjectUserId: options.actor.id,
          data: { invitationId: invitation.id, invitedById: invitation.invitedById },
          at: now,
        },
      });
    }
    return { companyId: invitation.companyId };
  });
}
