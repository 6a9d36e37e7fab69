// Load shedding (docs/OPERATIONS.md): a process works on at most API_MAX_IN_FLIGHT licensing API
// requests and PAGE_MAX_IN_FLIGHT other requests at once; one more is answered 503 at once
// (Retry-After; the API's problem, translated; a page that retries by itself) before the app sees
// it. The health check and static files are never shed; a slot is given back when the answer is
// sent or the client goes away. A real HTTP server, in-process, with the gates installed as the
// app's are.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { gateOf, installRequestAdmission, OVERLOADED_RETRY_AFTER_SECONDS, PAGE_RETRY_AFTER_SECONDS } from "@/lib/runtime/request-admission";

const held: http.ServerResponse[] = [];
const seen: string[] = [];
let server: http.Server;
let base: string;
const admission = installRequestAdmission({ apiMaxInFlight: 2, pageMaxInFlight: 2 });

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.url ?? "");
    // "/…/slow…" is held until the test lets it go; everything else answers at once.
    if (request.url?.includes("slow")) held.push(response);
    else response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  seen.length = 0;
});
afterAll(async () => {
  for (const response of held) response.end();
  await new Promise((resolve) => server.close(resolve));
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

async function release(count: number): Promise<void> {
  for (const response of held.splice(0, count)) response.end("done");
}

describe("request admission", () => {
  it("knows which gate a path passes", () => {
    expect(gateOf("/api/v1/leases")).toBe("api");
    expect(gateOf("/api/v1/health")).toBeNull();
    expect(gateOf("/_next/static/chunks/app.js")).toBeNull();
    expect(gateOf("/sign-in?callbackUrl=%2F")).toBe("pages");
    expect(gateOf("/api/auth/session")).toBe("pages");
  });

  it("sheds the API request over the limit at once with its translated problem; health and pages are not counted with it", async () => {
    const working = [fetch(`${base}/api/v1/leases?slow`), fetch(`${base}/api/v1/entitlements?slow`)];
    await until(() => held.length === 2 && admission.api.inFlight() === 2);

    const started = performance.now();
    const shed = await fetch(`${base}/api/v1/leases`, { method: "POST", headers: { "Accept-Language": "en" } });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(shed.status).toBe(503);
    expect(shed.headers.get("content-type")).toBe("application/problem+json");
    expect(shed.headers.get("retry-after")).toBe(String(OVERLOADED_RETRY_AFTER_SECONDS));
    expect(await shed.json()).toMatchObject({ status: 503, code: "OVERLOADED", retryAfterSeconds: 1 });
    const dutch = (await (await fetch(`${base}/api/v1/entitlements`)).json()) as { detail: string };
    expect(dutch.detail).toBe("Deze server is even te druk. Probeer het over 1 seconde opnieuw.");
    expect(seen.filter((url) => url === "/api/v1/leases" || url === "/api/v1/entitlements")).toEqual([]);

    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
    expect((await fetch(`${base}/sign-in`)).status).toBe(200);
    await release(2);
    await Promise.all(working);
    await until(() => admission.api.inFlight() === 0);
    expect((await fetch(`${base}/api/v1/entitlements`)).status).toBe(200);
  });

  it("sheds the page request over the limit with a page that retries by itself; the API and static files pass", async () => {
    const working = [fetch(`${base}/slow/sign-in`), fetch(`${base}/slow/software-management`)];
    await until(() => held.length === 2 && admission.pages.inFlight() === 2);

    const shed = await fetch(`${base}/sign-in`);
    expect(shed.status).toBe(503);
    expect(shed.headers.get("retry-after")).toBe(String(PAGE_RETRY_AFTER_SECONDS));
    expect(shed.headers.get("content-type")).toContain("text/html");
    const page = await shed.text();
    expect(page).toContain("Het is nu erg druk");
    expect(page).toContain("very busy");
    expect(page).toContain(`http-equiv="refresh" content="${PAGE_RETRY_AFTER_SECONDS}"`);
    expect(seen).not.toContain("/sign-in");
    for (const path of ["/api/v1/leases", "/_next/static/chunks/app.js"]) expect((await fetch(`${base}${path}`)).status, path).toBe(200);

    // An answer sent gives its slot back.
    await release(1);
    await until(() => admission.pages.inFlight() === 1);
    expect((await fetch(`${base}/sign-in`)).status).toBe(200);
    await release(1);
    await Promise.all(working);
    await until(() => admission.pages.inFlight() === 0);
  });

  it("gives the slot back when the client goes away before the answer", async () => {
    const controller = new AbortController();
    const abandoned = fetch(`${base}/slow/grid`, { signal: controller.signal }).catch(() => "aborted");
    await until(() => held.length === 1 && admission.pages.inFlight() === 1);
    controller.abort();
    expect(await abandoned).toBe("aborted");
    await until(() => admission.pages.inFlight() === 0);
    await release(1);
  });
});
