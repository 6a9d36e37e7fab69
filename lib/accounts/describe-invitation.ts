// R9, R17 (issue 14 item 2): the registration page opened from an invitation shows the names the
// inviting admin already typed. Only for the token's holder: the token must be usable, belong to
// the address in the link and to someone who has not registered yet; otherwise nothing is told.
import "server-only";
import { findUsableToken } from "@/lib/auth/one-time-tokens";
import type { Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";

export type InvitedPerson = { email: string; firstName: string; lastName: string };

export async function describeInvitation(options: { token: string; email: string; db?: DbClient; clock?: Clock }): Promise<InvitedPerson | null> {
  const client = options.db ?? processDb();
  const usable = await findUsableToken({ db: client, purpose: "INVITATION", token: options.token, clock: options.clock });
  if (!usable) return null;
  const user = await client.user.findUnique({
    where: { id: usable.userId },
    select: { email: true, firstName: true, lastName: true, passwordHash: true, emailVerifiedAt: true },
  });
  if (!user || user.email !== options.email.trim().toLowerCase() || (user.passwordHash && user.emailVerifiedAt)) return null;
  return { email: user.email, firstName: user.firstName, lastName: user.lastName };
}
