// The signed-in user, re-read on every request: an ended session, an old sessionVersion or a disabled or
// unverified user counts as signed out.
import "server-only";
import { cache } from "react";
import { livePortalSessionWhere } from "@/lib/auth/portal-sessions";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { systemClock, type Clock } from "@/lib/clock";
import { db, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";

export type CompanySummary = { id: string; name: string; country: string };
export type CurrentMembership = { id: string; role: string; company: CompanySummary };

export type CurrentUser = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  language: "nl" | "en";
  isStaff: boolean;
  /** Every company the user is a contact of, by company name (R11). */
  memberships: CurrentMembership[];
  /** The company context: User.currentCompanyId if still a member there, else the first by name. */
  currentMembership: CurrentMembership | null;
  /** Its seatHolderId holds the browser's web seats (R2). */
  session: { id: string; seatHolderId: string };
};

async function loadCurrentUser(claims: SessionClaims | null, client: DbClient, clock: Clock = systemClock): Promise<CurrentUser | null> {
  if (!claims) return null;
  const user = await client.user.findUnique({
    where: { id: claims.userId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      language: true,
      isStaff: true,
      sessionVersion: true,
      disabledAt: true,
      emailVerifiedAt: true,
      currentCompanyId: true,
      portalSessions: { where: { id: claims.sessionId, ...livePortalSessionWhere(clock.now()) }, select: { id: true, seatHolderId: true } },
      memberships: {
        select: { id: true, role: true, company: { select: { id: true, name: true, country: true } } },
        orderBy: [{ company: { name: "asc" } }, { company: { country: "asc" } }],
      },
    },
  });
  const session = user?.portalSessions[0];
  if (!user || !session || user.sessionVersion !== claims.sessionVersion || user.disabledAt !== null || user.emailVerifiedAt === null) {
    return null;
  }
  const memberships = user.memberships;
  const currentMembership = memberships.find((membership) => membership.company.id === user.currentCompanyId) ?? memberships[0] ?? null;
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    language: user.language,
    isStaff: user.isStaff,
    memberships,
    currentMembership,
    session,
  };
}

// One database read per request, however many layouts and pages ask.
const loadCurrentUserCached = cache((userId: string, sessionVersion: number, sessionId: string) =>
  loadCurrentUser({ userId, sessionVersion, sessionId }, db()),
);

export function getCurrentUser(claims: SessionClaims | null, client?: DbClient, clock?: Clock): Promise<CurrentUser | null> {
  if (client) return loadCurrentUser(claims, client, clock);
  return claims ? loadCurrentUserCached(claims.userId, claims.sessionVersion, claims.sessionId) : Promise.resolve(null);
}

export async function requireUser(claims: SessionClaims | null, client?: DbClient): Promise<CurrentUser> {
  const user = await getCurrentUser(claims, client);
  if (!user) throw new DomainError("UNAUTHENTICATED", "not signed in");
  return user;
}

export function displayName(user: Pick<CurrentUser, "firstName" | "lastName" | "email">): string {
  return `${user.firstName} ${user.lastName}`.trim() || user.email;
}
