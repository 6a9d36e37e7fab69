// Shared by the launch tests: a signed-in user as /launch/<product> sees them, web licenses with
// assigned users, and a browser session id of the cookie's form.
import { randomBytes } from "node:crypto";
import type { License, LicenseType, User } from "@prisma/client";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { portalSessionClaims } from "../../fixtures/portal-session";
import type { TestTenant } from "../../fixtures/tenant";

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The user as the portal's session reads them: memberships and the current company (R11). */
export async function signedIn(user: Pick<User, "id">): Promise<CurrentUser> {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  const current = await getCurrentUser(await portalSessionClaims({ userId: user.id, sessionVersion }), db());
  if (!current) throw new Error("the test user cannot sign in");
  return current;
}

export function browserSession(): string {
  return randomBytes(32).toString("base64url");
}

export async function setAssignments(tenant: TestTenant, licenseId: string, users: Pick<User, "id">[], assigned = true): Promise<void> {
  const { version } = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: version,
    changes: users.map((user) => ({ licenseId, userId: user.id, assigned })),
  });
}

/** A PROFIS Engineering license of `type` with `userCount` new users of the tenant assigned to it. */
export async function webLicense(
  tenant: TestTenant,
  type: Extract<LicenseType, "NAMED_USER" | "FLOATING">,
  options: { seats?: number; userCount?: number } = {},
): Promise<{ license: License; users: User[] }> {
  const license = await tenant.addLicense("PROFIS_ENGINEERING", type, options.seats ?? 1);
  const users: User[] = [];
  for (let index = 0; index < (options.userCount ?? 1); index++) users.push(await tenant.addUser());
  await setAssignments(tenant, license.id, users);
  return { license, users };
}
