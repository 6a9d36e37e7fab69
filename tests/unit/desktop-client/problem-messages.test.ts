// What the desktop user reads when the service says no: the other device by name (R3, R4), the
// seats and the next expiry (R2, R5), field errors, and a server outside the contract.
import { describe, expect, test } from "vitest";
import { ApiProblemError, LicensingApiClient } from "@/clients/desktop/api-client";
import { describeProblem } from "@/clients/desktop/problem-messages";

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  type: "about:blank",
  title: code,
  status,
  code,
  ...extra,
});

describe("describeProblem", () => {
  test("ACTIVATION_LIMIT names the device the license is active on", () => {
    const text = describeProblem(
      problem(409, "ACTIVATION_LIMIT", { device: { hostname: "NL-LT-JJANSEN", activatedAt: "2026-03-01T08:30:00.000Z" } }),
    );
    expect(text).toBe(
      "This license is already active on another device: NL-LT-JJANSEN (activated 2026-03-01 08:30:00 UTC). Deactivate it there first, or ask your administrator to. [ACTIVATION_LIMIT, HTTP 409]",
    );
  });

  test("NO_SEAT_AVAILABLE says how many seats and when one frees up", () => {
    expect(describeProblem(problem(409, "NO_SEAT_AVAILABLE", { seats: 2, nextExpiry: "2026-03-02T11:00:00.000Z" }))).toBe(
      "All 2 seats of this license are in use. The next one frees up at the latest at 2026-03-02 11:00:00 UTC. [NO_SEAT_AVAILABLE, HTTP 409]",
    );
  });

  test("INVALID_REQUEST lists the fields", () => {
    expect(describeProblem(problem(400, "INVALID_REQUEST", { errors: [{ field: "fingerprint", message: "too short" }] }))).toContain(
      "fingerprint: too short",
    );
  });
});

describe("errors of the API client", () => {
  const answering = (response: Response) => new LicensingApiClient("https://licenses.example.test/", async () => response);

  test("a problem+json answer becomes an ApiProblemError with its code", async () => {
    const client = answering(
      new Response(JSON.stringify(problem(403, "NOT_ASSIGNED")), { status: 403, headers: { "Content-Type": "application/problem+json" } }),
    );
    const error = await client
      .activate("token", { activationKey: "K", fingerprint: "f".repeat(64), hostname: "h" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect(error).toMatchObject({ status: 403, problem: { code: "NOT_ASSIGNED" } });
  });

  test("an answer that is not a problem document still gets a code from its status", async () => {
    const client = answering(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(client.entitlements("token")).rejects.toMatchObject({ status: 502, problem: { code: "INTERNAL", title: "HTTP 502" } });
  });

  test("a success outside the contract is an error, not half a result", async () => {
    const client = answering(new Response(JSON.stringify({ activation: {} }), { status: 201 }));
    await expect(client.activate("token", { activationKey: "K", fingerprint: "f".repeat(64), hostname: "h" })).rejects.toThrow(
      /outside the contract/,
    );
  });

  test("a 503 with Retry-After is waited out and sent again — a release during an outage happens once the server is back", async () => {
    const unavailable = () =>
      new Response(JSON.stringify(problem(503, "DATABASE_UNAVAILABLE")), {
        status: 503,
        headers: { "Content-Type": "application/problem+json", "Retry-After": "5" },
      });
    const answers = [unavailable(), unavailable(), new Response(null, { status: 204 })];
    const sent: string[] = [];
    const waits: number[] = [];
    const client = new LicensingApiClient(
      "https://licenses.example.test",
      async (input, init) => {
        sent.push(`${init?.method} ${String(input)}`);
        return answers.shift()!;
      },
      async (ms) => void waits.push(ms),
    );
    await expect(client.releaseLease("token", "lease-1")).resolves.toEqual({ status: 204, body: null });
    expect(sent).toEqual(Array(3).fill("DELETE https://licenses.example.test/api/v1/leases/lease-1"));
    expect(waits).toEqual([5_000, 5_000]);
  });

  test("a sign-in is not sent twice, and retries end: the 503 then reaches the caller", async () => {
    const unavailable = () =>
      new Response(JSON.stringify(problem(503, "OVERLOADED")), {
        status: 503,
        headers: { "Content-Type": "application/problem+json", "Retry-After": "1" },
      });
    let count = 0;
    const client = new LicensingApiClient(
      "https://licenses.example.test",
      async () => (count++, unavailable()),
      async () => {},
    );
    await expect(client.signIn({ email: "a@b.example", password: "x", client: "t" })).rejects.toMatchObject({
      status: 503,
      retryAfterSeconds: 1,
      problem: { code: "OVERLOADED" },
    });
    expect(count).toBe(1);
    count = 0;
    await expect(client.entitlements("token")).rejects.toMatchObject({ status: 503 });
    expect(count).toBe(4);
  });
});
