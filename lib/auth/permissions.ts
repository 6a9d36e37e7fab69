// One permission vocabulary: ADMIN and USER per membership, STAFF globally (User.isStaff). Predicates hide
// UI, guards throw DomainErrors; a role this file does not know grants nothing.
import type { CurrentMembership, CurrentUser } from "@/lib/auth/current-user";
import { DomainError } from "@/lib/errors";

export type RoleType = "ADMIN" | "USER" | "STAFF";
export type Permission = "software:manage" | "software:use" | "backoffice:access";

const grants: Record<RoleType, readonly Permission[]> = {
  ADMIN: ["software:manage", "software:use"],
  USER: ["software:use"],
  STAFF: ["backoffice:access"],
};

function roleHas(role: string | null | undefined, permission: Permission): boolean {
  if (!role || !Object.hasOwn(grants, role)) return false;
  return grants[role as RoleType].includes(permission);
}

type MembershipLike = Pick<CurrentMembership, "role"> | null | undefined;

/** "Software management" is shown only to admins of the current company (R11). */
export function canManageSoftware(membership: MembershipLike): boolean {
  return roleHas(membership?.role, "software:manage");
}

export function canUseSoftware(membership: MembershipLike): boolean {
  return roleHas(membership?.role, "software:use");
}

export function canAccessBackoffice(user: Pick<CurrentUser, "isStaff"> | null | undefined): boolean {
  return user?.isStaff === true && roleHas("STAFF", "backoffice:access");
}

/** A company the user is not a contact of is NOT_FOUND, like one that does not exist (R28). */
export function requireMembership(user: Pick<CurrentUser, "memberships">, companyId: string): CurrentMembership {
  const membership = user.memberships.find((candidate) => candidate.company.id === companyId);
  if (!membership) throw new DomainError("NOT_FOUND", "company not found");
  return membership;
}

/** Admins of the company only; other members get FORBIDDEN, strangers NOT_FOUND. */
export function requireSoftwareManager(user: Pick<CurrentUser, "memberships">, companyId: string): CurrentMembership {
  const membership = requireMembership(user, companyId);
  if (!canManageSoftware(membership)) throw new DomainError("FORBIDDEN", "software management needs the ADMIN role");
  return membership;
}

export function requireSoftwareUser(user: Pick<CurrentUser, "memberships">, companyId: string): CurrentMembership {
  const membership = requireMembership(user, companyId);
  if (!canUseSoftware(membership)) throw new DomainError("FORBIDDEN", "no role that may use software");
  return membership;
}

/** The back office does not reveal itself: non-staff get NOT_FOUND. */
export function requireStaff(user: Pick<CurrentUser, "isStaff"> | null | undefined): void {
  if (!canAccessBackoffice(user)) throw new DomainError("NOT_FOUND", "not found");
}
