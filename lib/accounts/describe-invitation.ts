// R9, R17: the names an admin typed, prefilled on the registration page of an invitation; only for a usable
// token of the address in the link, of someone not registered yet.
import "server-only";
import { findUsableToken } from "@/lib/auth/one-time-tokens";
import type { Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";

export type InvitedPerson = { email: string; firstName: string; lastName: string };

export async function describeInvitation(options: {
  token: string;
  email: string;
  db?: DbClient;
  clock?: Clock;
}): Promise<InvitedPerson | null> {
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
