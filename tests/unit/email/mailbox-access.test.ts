// Decision 015: who counts as "this machine" for the in-app mailbox (lib/email/mailbox-access.ts).
// The HTTP side — an app listening on every address, asked from the machine's network address —
// is tests/e2e/security/dev-mailbox-exposure.spec.ts.
import { expect, test } from "vitest";
import type { RequestOrigin } from "@/lib/auth/client-ip";
import { isLocalRequest } from "@/lib/email/mailbox-access";

const direct = (address: string | null): RequestOrigin => ({ ipAddress: address, socketAddress: address, isRelayed: false });
const noProxy = { TRUST_PROXY: false };

test("a direct loopback connection to a loopback name is local", () => {
  expect(isLocalRequest(direct("127.0.0.1"), "127.0.0.1:3000", noProxy)).toBe(true);
  expect(isLocalRequest(direct("127.0.0.1"), "localhost:3000", noProxy)).toBe(true);
  expect(isLocalRequest(direct("::1"), "[::1]:3000", noProxy)).toBe(true);
});

test("another address, an unknown one, a relayed request or a foreign site name is not", () => {
  expect(isLocalRequest(direct("192.0.2.2"), "localhost:3000", noProxy)).toBe(false);
  expect(isLocalRequest(direct(null), "localhost:3000", noProxy)).toBe(false);
  expect(isLocalRequest({ ipAddress: "127.0.0.1", socketAddress: "127.0.0.1", isRelayed: true }, "localhost:3000", noProxy)).toBe(false);
  expect(isLocalRequest(direct("127.0.0.1"), "evil.example:3000", noProxy)).toBe(false);
  expect(isLocalRequest(direct("127.0.0.1"), null, noProxy)).toBe(false);
});

test("behind a trusted proxy on this machine, only a client the proxy names as local counts", () => {
  expect(
    isLocalRequest({ ipAddress: "203.0.113.7", socketAddress: "127.0.0.1", isRelayed: true }, "localhost", { TRUST_PROXY: true }),
  ).toBe(false);
  expect(isLocalRequest({ ipAddress: "127.0.0.1", socketAddress: "127.0.0.1", isRelayed: true }, "localhost", { TRUST_PROXY: true })).toBe(
    true,
  );
});
