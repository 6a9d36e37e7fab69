// Property-based fuzzing (docs/SECURITY.md): every /api/v1 operation, with fast-check's arbitrary
// JSON, near-valid bodies (the contract's fields with values of any type, extra fields, control
// characters, huge strings), bodies that are not JSON, and any path parameter — as a stranger and
// as a signed-in, activated user. The answer is never a 5xx, and an answer that refuses writes
// nothing. The route table is checked against the OpenAPI operations and against the route files
// on disk, so a new route without a row here fails this test.
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { apiOperations } from "@/lib/api/openapi/api-operations";
import { DELETE as deactivate } from "@/app/api/v1/activations/[id]/route";
import { POST as activate } from "@/app/api/v1/activations/route";
import { GET as entitlements } from "@/app/api/v1/entitlements/route";
import { POST as heartbeat } from "@/app/api/v1/leases/[id]/heartbeat/route";
import { DELETE as release } from "@/app/api/v1/leases/[id]/route";
import { POST as takeLease } from "@/app/api/v1/leases/route";
import { DELETE as signOut } from "@/app/api/v1/sessions/current/route";
import { POST as refresh } from "@/app/api/v1/sessions/refresh/route";
import { POST as signInRoute } from "@/app/api/v1/sessions/route";
import { GET as signingKeys } from "@/app/api/v1/signing-keys/route";
import { POST as webHeartbeat } from "@/app/api/v1/web-sessions/heartbeat/route";
import { DELETE as webEnd, POST as webStart } from "@/app/api/v1/web-sessions/route";
import { POST as webStatus } from "@/app/api/v1/web-sessions/status/route";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { call, desktopLicense, fingerprintOf, signIn, useRouteClock, type Session } from "./api-test-kit";

useTestDatabase();
useRouteClock();

type Route = Parameters<typeof call>[0];
const routes: Record<string, Route> = {
  "post /sessions": signInRoute,
  "post /sessions/refresh": refresh,
  "delete /sessions/current": signOut,
  "post /activations": activate,
  "delete /activations/{id}": deactivate,
  "post /leases": takeLease,
  "post /leases/{id}/heartbeat": heartbeat,
  "delete /leases/{id}": release,
  "get /entitlements": entitlements,
  "get /signing-keys": signingKeys,
  "post /web-sessions": webStart,
  "post /web-sessions/status": webStatus,
  "post /web-sessions/heartbeat": webHeartbeat,
  "delete /web-sessions": webEnd,
};
// Routes outside the operations: not tenant data, no body (the catch-all's 404, the document, the probe).
const notOperations = ["[...path]", "openapi.json", "health"];

test("the route table covers every operation of the OpenAPI document and every route file", () => {
  expect(Object.keys(routes).sort()).toEqual(apiOperations.map((operation) => `${operation.method} ${operation.path}`).sort());
  const root = path.resolve("app/api/v1");
  const onDisk = (readdirSync(root, { recursive: true }) as string[])
    .filter((file) => file.endsWith("route.ts"))
    .map((file) => path.dirname(file).replace(/\[(\w+)\]/g, "{$1}"))
    .filter((dir) => !notOperations.includes(dir));
  const inTable = new Set(Object.keys(routes).map((key) => key.split(" ")[1]!.slice(1)));
  expect(onDisk.filter((dir) => !inTable.has(dir))).toEqual([]);
});

const CONTROL = fc.constantFrom("\u0000", "\u202E", "\uD800", "\u2028", "%zz", "../", '\'; DROP TABLE "User"; --');
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), CONTROL).map(([text, bad]) => `${text}${bad}`),
  fc.constant("x".repeat(70_000)),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** A body close to what the operation expects: its fields, each with a value of any kind (or the real one), and maybe more fields. */
function nearValidBody(fields: string[], real: Record<string, unknown>) {
  return fc
    .tuple(
      fc.record(
        Object.fromEntries(fields.map((field) => [field, field in real ? fc.oneof(anyValue, fc.constant(real[field])) : anyValue])),
        { requiredKeys: [] },
      ),
      fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 3 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
}

/** The fields of the operation's request body, from its schema in the contract. */
function bodyFieldsOf(key: string): string[] | null {
  const operation = apiOperations.find((candidate) => `${candidate.method} ${candidate.path}` === key);
  const schema = operation?.requestBody?.schema as { shape?: Record<string, unknown> } | undefined;
  return schema ? Object.keys(schema.shape ?? {}) : null;
}

type Sent = { json?: unknown; raw?: string; contentType?: string | null };
const sentBody = fc.oneof(
  anyValue.map((json): Sent => ({ json })),
  fc.string({ maxLength: 60 }).map((raw): Sent => ({ raw, contentType: "application/json" })),
  fc
    .string({ maxLength: 20 })
    .map((raw): Sent => ({ raw, contentType: fc.sample(fc.constantFrom("text/plain", "application/x-www-form-urlencoded", null), 1)[0]! })),
);

const tables = [
  "user",
  "membership",
  "license",
  "assignment",
  "device",
  "activation",
  "floatingLease",
  "trial",
  "refreshToken",
  "portalSession",
  "launchTokenRedemption",
] as const;
async function counts(): Promise<Record<string, number>> {
  const client = db() as unknown as Record<string, { count: () => Promise<number> }>;
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await client[table]!.count()] as const)));
}

let session: Session;
let licenseId: string;
let fingerprint: string;
beforeAll(async () => {
  const tenant = await createTestTenant();
  const { license, key, users } = await desktopLicense(tenant, "FLOATING", { seats: 2, userCount: 1 });
  session = await signIn(users[0]!);
  fingerprint = fingerprintOf("fuzz-pc");
  expect(
    (await call(activate, { token: session.accessToken, json: { activationKey: key, fingerprint, hostname: "FUZZ-PC" } })).status,
  ).toBe(201);
  licenseId = license.id;
}, 60_000);

test.each(apiOperations.map((operation) => `${operation.method} ${operation.path}`))(
  "%s: never a 5xx, and a refusal writes nothing",
  async (key) => {
    const route = routes[key]!;
    const [method, template] = key.split(" ") as [string, string];
    const fields = bodyFieldsOf(key);
    const real = { licenseId, fingerprint, leaseId: licenseId, hostname: "FUZZ-PC" };
    // A GET carries no body (fetch's Request refuses one); the token and parameters still vary.
    const body = fields
      ? fc.oneof(
          sentBody,
          nearValidBody(fields, real).map((json): Sent => ({ json })),
        )
      : method === "get"
        ? fc.constant<Sent>({})
        : fc.oneof(fc.constant<Sent>({}), sentBody);
    const param = fc.oneof(fc.uuid(), nasty, fc.constant(licenseId));
    const token = fc.oneof(fc.constant<string | undefined>(undefined), fc.constant(session.accessToken), fc.string({ maxLength: 30 }));

    await fc.assert(
      fc.asyncProperty(body, param, token, async (sent, id, bearer) => {
        const before = await counts();
        const answer = await call(route, {
          method: method.toUpperCase(),
          path: template.replace("{id}", "x"),
          params: template.includes("{id}") ? { id } : {},
          token: bearer,
          ...(sent.json !== undefined ? { json: sent.json } : {}),
          ...(sent.raw !== undefined ? { raw: sent.raw, contentType: sent.contentType ?? null } : {}),
        });
        expect(answer.status, `${key} with ${JSON.stringify(sent).slice(0, 300)}`).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(answer.headers.get("content-type")).toBe("application/problem+json");
          expect(await counts(), `${key} refused with ${answer.status} and wrote`).toEqual(before);
        }
      }),
      { numRuns: 40 },
    );
  },
  120_000,
);
