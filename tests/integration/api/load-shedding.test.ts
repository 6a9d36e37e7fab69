// Issue 15 item 4: an instance works on at most API_MAX_IN_FLIGHT licensing API requests at once;
// one more is answered 503 OVERLOADED with Retry-After at once, before any work, and the requests
// admitted finish as usual. Every answer — good, refused or failed — gives its place back.
import { afterEach, expect, test } from "vitest";
import { createAdmissionGate, useApiAdmissionGate } from "@/lib/api/admission";
import { apiRoute } from "@/lib/api/api-route";
import { GET as entitlements } from "@/app/api/v1/entitlements/route";
import { createTestTenant } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";
import { call, signIn } from "./api-test-kit";

useTestDatabase();
afterEach(() => useApiAdmissionGate(null));

test("over the limit: 503 OVERLOADED with Retry-After at once; the admitted ones finish; places are given back", async () => {
  const gate = createAdmissionGate(3);
  useApiAdmissionGate(gate);
  let finish: () => void = () => {};
  const working = new Promise<void>((resolve) => (finish = resolve));
  const slow = apiRoute(async () => {
    await working;
    return Response.json({ ok: true });
  });

  const answers = Array.from({ length: 5 }, () => call(slow, { method: "GET" }));
  const shed = await Promise.all(answers.slice(3));
  // Answered while the first three are still working: nothing waited.
  expect(gate.inFlight()).toBe(3);
  for (const answer of shed) {
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("1");
    expect(answer.body).toMatchObject({ code: "OVERLOADED", detail: "Deze server is even te druk. Probeer het over 1 seconde opnieuw." });
  }
  finish();
  for (const answer of await Promise.all(answers.slice(0, 3))) expect(answer).toMatchObject({ status: 200, body: { ok: true } });
  expect(gate.inFlight()).toBe(0);

  // A request that fails gives its place back too.
  const failing = apiRoute(async () => {
    throw new Error("boom");
  });
  expect((await call(failing, { method: "GET" })).status).toBe(500);
  expect(gate.inFlight()).toBe(0);
});

test("a real route over the limit does no work: the token is not even looked at", async () => {
  const tenant = await createTestTenant();
  const session = await signIn(await tenant.addUser());
  const first = createAdmissionGate(1);
  useApiAdmissionGate(first);
  const held = first.tryEnter();
  expect((await call(entitlements, { method: "GET", token: session.accessToken })).body.code).toBe("OVERLOADED");
  expect((await call(entitlements, { method: "GET", token: "not-a-token" })).body.code).toBe("OVERLOADED");
  held!();
  expect((await call(entitlements, { method: "GET", token: session.accessToken })).status).toBe(200);
});
