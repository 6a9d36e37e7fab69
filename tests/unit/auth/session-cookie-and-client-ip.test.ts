import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { clientIpFromHeaders, requestOrigin, type RequestOrigin } from "@/lib/auth/client-ip";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { installClientAddressGuard } from "@/lib/runtime/client-address-guard";

test("the session cookie is HttpOnly and SameSite=Lax always, Secure in production", () => {
  // A production deployment on plain http still gets a Secure cookie: serve it over HTTPS.
  expect(sessionCookie({ isProduction: true, APP_BASE_URL: "http://portal.internal.example" }).options.secure).toBe(true);
  // A local production build on loopback (e2e, `npm start` on a laptop) cannot use Secure over http.
  expect(sessionCookie({ isProduction: true, APP_BASE_URL: "http://localhost:3000" }).options).toMatchObject({
    secure: false,
    httpOnly: true,
    sameSite: "lax",
  });
  expect(sessionCookie({ isProduction: false, APP_BASE_URL: "http://localhost:3000" }).name).toBe("next-auth.session-token");
});

test("__Host- over https at the root of the host, __Secure- for any other Secure deployment", () => {
  expect(sessionCookie({ isProduction: true, APP_BASE_URL: "https://licenses.example.com" })).toEqual({
    name: "__Host-next-auth.session-token",
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
  });
  expect(sessionCookie({ isProduction: false, APP_BASE_URL: "https://localhost:3000/" }).name).toBe("__Host-next-auth.session-token");
  expect(sessionCookie({ isProduction: true, APP_BASE_URL: "https://apps.example.com/licenses" }).name).toBe(
    "__Secure-next-auth.session-token",
  );
  expect(sessionCookie({ isProduction: true, APP_BASE_URL: "http://portal.internal.example" }).name).toBe(
    "__Secure-next-auth.session-token",
  );
});

test("without the client-address guard's record a request has no address: a header the client sent is never taken for it", () => {
  expect(clientIpFromHeaders({ "x-forwarded-for": "203.0.113.9" })).toBeNull();
  expect(
    clientIpFromHeaders(new Headers({ "x-forwarded-for": "1.2.3.4", "x-license-portal-peer": "guessed direct 127.0.0.1" })),
  ).toBeNull();
  expect(clientIpFromHeaders({})).toBeNull();
});

// The guard as Next.js meets it: installed in the process, it sees every request a node:http server receives.
let server: http.Server;
let seen: RequestOrigin[] = [];
beforeAll(async () => {
  installClientAddressGuard({ trustProxy: false });
  server = http.createServer((request, response) => {
    seen.push(requestOrigin(request.headers));
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function originOf(headers: Record<string, string>): Promise<RequestOrigin> {
  seen = [];
  const { port } = server.address() as AddressInfo;
  await fetch(`http://127.0.0.1:${port}/`, { headers });
  return seen[0]!;
}

test("with the guard, the address is the socket's; a client's X-Forwarded-For or forged record changes nothing", async () => {
  expect(await originOf({})).toEqual({ ipAddress: "127.0.0.1", socketAddress: "127.0.0.1", isRelayed: false });
  expect(await originOf({ "x-forwarded-for": "198.51.100.7" })).toEqual({
    ipAddress: "127.0.0.1",
    socketAddress: "127.0.0.1",
    isRelayed: true,
  });
  expect((await originOf({ "x-license-portal-peer": "forged direct 198.51.100.7" })).ipAddress).toBe("127.0.0.1");
  expect((await originOf({ forwarded: "for=198.51.100.7" })).isRelayed).toBe(true);
});
