// R3/R4/R22/R30: POST /api/v1/activations and DELETE /api/v1/activations/{id}: a signed license
// file, the same activation for the same machine, ACTIVATION_LIMIT naming the other machine,
// refusals audited, and nobody else's activation reachable (R28).
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { expect, test } from "vitest";
import { listGroupDevices } from "@/lib/activations/list-group-devices";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { LICENSE_FILE_TTL_MS } from "@/lib/licensing-api/contract";
import { DELETE as deactivate } from "@/app/api/v1/activations/[id]/route";
import { POST as activate } from "@/app/api/v1/activations/route";
import { GET as signingKeys } from "@/app/api/v1/signing-keys/route";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { assign, call, desktopLicense, fingerprintOf, signIn, useRouteClock } from "./api-test-kit";

useTestDatabase();
const clock = useRouteClock();

const office = { fingerprint: fingerprintOf("office"), hostname: "NL-WS-OFFICE" };
const home = { fingerprint: fingerprintOf("home"), hostname: "NL-LT-HOME" };

async function verifyLicenseFile(licenseFile: string, audience: string) {
  const jwks = createLocalJWKSet((await call(signingKeys, { method: "GET" })).body);
  return jwtVerify(licenseFile, jwks, { issuer: env().APP_BASE_URL, audience, typ: "license-file+jwt", currentDate: clock.now() });
}

test("R3/R22: 201 with the activation and a license file signed for this license on this fingerprint; the same machine again is 200 with the same activation", async () => {
  const tenant = await createTestTenant();
  const { license, key, users } = await desktopLicense(tenant, "NODE_LOCKED");
  const session = await signIn(users[0]!);
  const first = await call(activate, { token: session.accessToken, json: { activationKey: key.toLowerCase(), ...office } });
  expect(first.status).toBe(201);
  expect(first.body.activation).toMatchObject({
    licenseId: license.id,
    licenseType: "NODE_LOCKED",
    productCode: "PROFIS_LAYOUT_OFFICE",
    hostname: office.hostname,
    fingerprint: office.fingerprint,
    activatedAt: clock.now().toISOString(),
    validUntil: license.validUntil.toISOString(),
  });

  const { payload, protectedHeader } = await verifyLicenseFile(first.body.licenseFile, "PROFIS_LAYOUT_OFFICE");
  expect(protectedHeader).toMatchObject({ alg: "EdDSA", typ: "license-file+jwt", kid: expect.any(String) });
  expect(payload).toMatchObject({
    sub: users[0]!.id,
    activationId: first.body.activation.id,
    licenseId: license.id,
    fingerprint: office.fingerprint,
    companyId: tenant.company.id,
    licenseValidUntil: license.validUntil.toISOString(),
  });
  // exp = min(license end, now + 30 days): the license runs a year, so 30 days.
  expect(payload.exp).toBe(Math.floor((clock.now().getTime() + LICENSE_FILE_TTL_MS) / 1000));

  const again = await call(activate, { token: session.accessToken, json: { activationKey: key, ...office, hostname: "NL-WS-RENAMED" } });
  expect(again).toMatchObject({ status: 200, body: { activation: { id: first.body.activation.id, hostname: "NL-WS-RENAMED" } } });
  expect(decodeProtectedHeader(again.body.licenseFile).typ).toBe("license-file+jwt");
});

test("the license file never outlives its license", async () => {
  const tenant = await createTestTenant();
  const license = await tenant.addLicense("PROFIS_LAYOUT_OFFICE", "NODE_LOCKED");
  const ending = new Date(clock.now().getTime() + 3 * 24 * 60 * 60 * 1000);
  await db().license.update({ where: { id: license.id }, data: { validUntil: ending } });
  const user = await tenant.addUser();
  await assign(tenant, license.id, [user]);
  const answer = await call(activate, {
    token: (await signIn(user)).accessToken,
    json: { activationKey: license.activationKey!, ...office },
  });
  const { payload } = await verifyLicenseFile(answer.body.licenseFile, "PROFIS_LAYOUT_OFFICE");
  expect(payload.exp).toBe(Math.floor(ending.getTime() / 1000));
});

test("R3/R4: a node-locked key active on another machine is 409 ACTIVATION_LIMIT naming it; after deactivating there, the second machine succeeds", async () => {
  const tenant = await createTestTenant();
  const { license, key, users } = await desktopLicense(tenant, "NODE_LOCKED");
  const session = await signIn(users[0]!);
  const first = await call(activate, { token: session.accessToken, json: { activationKey: key, ...office } });
  const activatedAt = clock.now().toISOString();
  clock.advance(60_000);

  const refused = await call(activate, {
    token: session.accessToken,
    json: { activationKey: key, ...home },
    headers: { "Accept-Language": "en" },
  });
  expect(refused).toMatchObject({
    status: 409,
    body: {
      code: "ACTIVATION_LIMIT",
      device: { hostname: office.hostname, activatedAt },
      detail: expect.stringContaining(office.hostname),
    },
  });
  expect(
    await db().auditEvent.findMany({ where: { action: "activation.refused", licenseId: license.id, companyId: tenant.company.id } }),
  ).toMatchObject([{ data: { reason: "ACTIVATION_LIMIT", hostname: home.hostname, activeOn: office.hostname } }]);
  expect(await db().device.count({ where: { userId: users[0]!.id } })).toBe(1);

  // R4: the portal lists the machine until the user removes the key there.
  expect((await listGroupDevices({ actor: tenant.admin, groupId: tenant.group.id })).map((device) => device.hostname)).toEqual([
    office.hostname,
  ]);
  const removed = await call(deactivate, { method: "DELETE", token: session.accessToken, params: { id: first.body.activation.id } });
  expect(removed.status).toBe(204);
  expect(await listGroupDevices({ actor: tenant.admin, groupId: tenant.group.id })).toEqual([]);
  expect((await call(deactivate, { method: "DELETE", token: session.accessToken, params: { id: first.body.activation.id } })).status).toBe(
    204,
  );
  expect((await call(activate, { token: session.accessToken, json: { activationKey: key, ...home } })).status).toBe(201);
  expect(await db().auditEvent.count({ where: { action: "activation.deactivated", licenseId: license.id } })).toBe(1);
});

test("403 NOT_ASSIGNED for a colleague's key (audited), 404 INVALID_ACTIVATION_KEY for an unknown key and for another company's key", async () => {
  const tenant = await createTestTenant();
  const other = await createTestTenant();
  const { license, key } = await desktopLicense(tenant, "NODE_LOCKED");
  const foreign = await desktopLicense(other, "NODE_LOCKED");
  const colleague = await tenant.addUser();
  const session = await signIn(colleague);

  const notAssigned = await call(activate, { token: session.accessToken, json: { activationKey: key, ...office } });
  expect(notAssigned).toMatchObject({ status: 403, body: { code: "NOT_ASSIGNED" } });
  expect(
    await db().auditEvent.count({
      where: { action: "activation.refused", licenseId: license.id, companyId: tenant.company.id, subjectUserId: colleague.id },
    }),
  ).toBe(1);
  expect(
    (await call(activate, { token: session.accessToken, json: { activationKey: "00000-00000-00000-00000-00000", ...office } })).body.code,
  ).toBe("INVALID_ACTIVATION_KEY");
  const crossCompany = await call(activate, { token: session.accessToken, json: { activationKey: foreign.key, ...office } });
  expect(crossCompany).toMatchObject({ status: 404, body: { code: "INVALID_ACTIVATION_KEY" } });
  expect(await db().auditEvent.count({ where: { action: "activation.refused", companyId: other.company.id } })).toBe(0);
  expect(await db().device.count({ where: { userId: colleague.id } })).toBe(0);
});

test("R28: deleting another user's activation — same company or another — is 404 and changes nothing; a malformed id too", async () => {
  const tenant = await createTestTenant();
  const { key, users } = await desktopLicense(tenant, "NODE_LOCKED");
  const owner = await signIn(users[0]!);
  const activation = (await call(activate, { token: owner.accessToken, json: { activationKey: key, ...office } })).body.activation;
  const colleague = await signIn(await tenant.addUser());
  const stranger = await signIn((await createTestTenant()).admin);
  // Even the company's admin cannot remove it through the API: that is the portal's device list (reason required).
  const admin = await signIn(tenant.admin);
  for (const session of [colleague, stranger, admin]) {
    expect(await call(deactivate, { method: "DELETE", token: session.accessToken, params: { id: activation.id } })).toMatchObject({
      status: 404,
      body: { code: "NOT_FOUND" },
    });
  }
  expect((await call(deactivate, { method: "DELETE", token: owner.accessToken, params: { id: "not-an-id" } })).status).toBe(404);
  expect(await db().activation.count({ where: { id: activation.id, deactivatedAt: null } })).toBe(1);
});

test("R3: an expired license cannot be activated: 403 LICENSE_NOT_VALID", async () => {
  const tenant = await createTestTenant();
  const { key, users } = await desktopLicense(tenant, "NODE_LOCKED");
  clock.advance(400 * 24 * 60 * 60 * 1000);
  const later = await signIn(users[0]!);
  expect((await call(activate, { token: later.accessToken, json: { activationKey: key, ...office } })).body.code).toBe("LICENSE_NOT_VALID");
});

test("bad bodies are 400 with field errors and activate nothing; no token is 401", async () => {
  const tenant = await createTestTenant();
  const { key, users } = await desktopLicense(tenant, "NODE_LOCKED");
  const session = await signIn(users[0]!);
  const unknownField = await call(activate, { token: session.accessToken, json: { activationKey: key, ...office, seats: 99 } });
  expect(unknownField).toMatchObject({
    status: 400,
    body: { code: "INVALID_REQUEST", errors: [{ field: "seats", message: expect.any(String) }] },
  });
  const wrongTypes = await call(activate, { token: session.accessToken, json: { activationKey: 42, fingerprint: "short", hostname: "" } });
  expect(wrongTypes.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
    "activationKey",
    "fingerprint",
    "hostname",
  ]);
  expect((await call(activate, { json: { activationKey: key, ...office } })).status).toBe(401);
  expect(await db().activation.count({ where: { userId: users[0]!.id } })).toBe(0);
});
