// Calls /api/v1 route handlers directly, as Next.js would (they are plain functions of a Request),
// and builds the desktop-license situations the API tests share. Time is a fixed clock given to
// the routes with useApiClock, so expiry is tested by moving it.
import { afterEach, beforeEach } from "vitest";
import type { License, LicenseType, User } from "@prisma/client";
import { useApiClock } from "@/lib/api/api-clock";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { POST as signInRoute } from "@/app/api/v1/sessions/route";
import { TEST_PASSWORD, type TestTenant } from "../../fixtures/tenant";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a route's params differ per route
type AnyRoute = (request: Request, context: { params: Promise<any> }) => Promise<Response>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked with toMatchObject
export type RouteAnswer = { status: number; headers: Headers; body: any; text: string };

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;

export async function call(
  route: AnyRoute,
  options: {
    method?: string;
    path?: string;
    /** Sent as JSON with Content-Type application/json. */
    json?: unknown;
    /** Sent as is, with `contentType` (none if null). */
    raw?: BodyInit;
    contentType?: string | null;
    token?: string;
    params?: Record<string, string | string[]>;
    headers?: Record<string, string>;
  } = {},
): Promise<RouteAnswer> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers.set("Content-Type", "application/json");
  } else if (options.raw !== undefined) {
    body = options.raw;
    if (options.contentType) headers.set("Content-Type", options.contentType);
  }
  const request = new Request(`http://localhost/api/v1${options.path ?? "/"}`, {
    method: options.method ?? "POST",
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
  const response = await route(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, text };
}

/** A fixed clock for the routes, one minute after the licenses created in the test start. */
export function useRouteClock() {
  const clock = fixedClock(new Date(Date.now() + MINUTE));
  beforeEach(() => {
    clock.set(new Date(Date.now() + MINUTE));
    useApiClock(clock);
  });
  afterEach(() => useApiClock(null));
  return clock;
}

export async function assign(tenant: TestTenant, licenseId: string, users: Pick<User, "id">[], assigned = true): Promise<void> {
  const { version } = await db().licenseGroup.findUniqueOrThrow({ where: { id: tenant.group.id } });
  await saveAssignments({
    actor: tenant.admin,
    groupId: tenant.group.id,
    expectedVersion: version,
    changes: users.map((user) => ({ licenseId, userId: user.id, assigned })),
  });
}

/** A desktop license of `type` with `userCount` assigned users. */
export async function desktopLicense(
  tenant: TestTenant,
  type: Extract<LicenseType, "NODE_LOCKED" | "FLOATING">,
  options: { seats?: number; userCount?: number } = {},
): Promise<{ license: License; key: string; users: User[] }> {
  const license = await tenant.addLicense(
    type === "NODE_LOCKED" ? "PROFIS_LAYOUT_OFFICE" : "PROFIS_DETECTION_OFFICE",
    type,
    type === "NODE_LOCKED" ? 1 : (options.seats ?? 1),
  );
  const users: User[] = [];
  for (let index = 0; index < (options.userCount ?? 1); index++) users.push(await tenant.addUser());
  await assign(tenant, license.id, users);
  return { license, key: license.activationKey!, users };
}

export type Session = { accessToken: string; refreshToken: string; expiresIn: number; refreshTokenExpiresAt: string };

export async function signIn(user: Pick<User, "email">, device?: { fingerprint: string; hostname: string }): Promise<Session> {
  const answer = await call(signInRoute, {
    path: "/sessions",
    json: { email: user.email, password: TEST_PASSWORD, client: "Vitest", ...(device ? { device } : {}) },
  });
  if (answer.status !== 201) throw new Error(`sign-in answered ${answer.status}: ${answer.text}`);
  return answer.body as Session;
}

/** A fingerprint the contract accepts (16+ characters). */
export function fingerprintOf(name: string): string {
  return `fp-${name}-0123456789abcdef`;
}
