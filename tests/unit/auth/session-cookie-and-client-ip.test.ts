import { expect, test } from "vitest";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { sessionCookie } from "@/lib/auth/session-cookie";

test("the session cookie is HttpOnly and SameSite=Lax always, Secure in production", () => {
  const production = sessionCookie({ isProduction: true, APP_BASE_URL: "https://licenses.example.com" });
  expect(production).toEqual({ name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
  // A production deployment on plain http still gets a Secure cookie: serve it over HTTPS.
  expect(sessionCookie({ isProduction: true, APP_BASE_URL: "http://portal.internal.example" }).options.secure).toBe(true);
  // A local production build on loopback (e2e, `npm start` on a laptop) cannot use Secure over http.
  expect(sessionCookie({ isProduction: true, APP_BASE_URL: "http://localhost:3000" }).options).toMatchObject({ secure: false, httpOnly: true, sameSite: "lax" });
  expect(sessionCookie({ isProduction: false, APP_BASE_URL: "http://localhost:3000" }).name).toBe("next-auth.session-token");
});

test("the client address is the last X-Forwarded-For entry: the one the server or the trusted proxy saw", () => {
  expect(clientIpFromHeaders({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
  expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }))).toBe("198.51.100.7");
  expect(clientIpFromHeaders({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
  expect(clientIpFromHeaders({})).toBeNull();
});
