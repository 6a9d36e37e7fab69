import { describe, expect, it } from "vitest";
import {
  canAccessBackoffice,
  canManageSoftware,
  canUseSoftware,
  requireMembership,
  requireSoftwareManager,
  requireStaff,
} from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";

const company = (id: string) => ({ id, name: `Company ${id}`, country: "NL" });
const membership = (companyId: string, role: string) => ({ id: `m-${companyId}`, role, company: company(companyId) });
const user = { isStaff: false, memberships: [membership("a", "ADMIN"), membership("b", "USER"), membership("c", "OWNER")] };

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe("permissions", () => {
  it("lets admins manage software and everyone with a known role use it", () => {
    expect(canManageSoftware(membership("a", "ADMIN"))).toBe(true);
    expect(canManageSoftware(membership("b", "USER"))).toBe(false);
    expect(canUseSoftware(membership("b", "USER"))).toBe(true);
  });

  it("denies unknown roles and missing memberships", () => {
    expect(canManageSoftware(membership("c", "OWNER"))).toBe(false);
    expect(canUseSoftware(membership("c", "OWNER"))).toBe(false);
    expect(canManageSoftware(membership("c", "toString"))).toBe(false);
    expect(canManageSoftware(null)).toBe(false);
    expect(canUseSoftware(undefined)).toBe(false);
  });

  it("answers NOT_FOUND for another company and FORBIDDEN for a member without the role", () => {
    expect(codeOf(() => requireMembership(user, "elsewhere"))).toBe("NOT_FOUND");
    expect(codeOf(() => requireSoftwareManager(user, "elsewhere"))).toBe("NOT_FOUND");
    expect(codeOf(() => requireSoftwareManager(user, "b"))).toBe("FORBIDDEN");
    expect(codeOf(() => requireSoftwareManager(user, "c"))).toBe("FORBIDDEN");
    expect(requireSoftwareManager(user, "a").company.id).toBe("a");
  });

  it("opens the back office to staff only, hiding it from everyone else", () => {
    expect(canAccessBackoffice({ isStaff: true })).toBe(true);
    expect(canAccessBackoffice({ isStaff: false })).toBe(false);
    expect(canAccessBackoffice(null)).toBe(false);
    expect(codeOf(() => requireStaff({ isStaff: false }))).toBe("NOT_FOUND");
    expect(codeOf(() => requireStaff({ isStaff: true }))).toBeUndefined();
  });
});
