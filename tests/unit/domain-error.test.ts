// Next.js can load lib/errors.ts twice in one process (a server action's bundle layer and a route's):
// a DomainError from one copy must still be recognised by the other, or a RATE_LIMITED thrown in
// the domain is answered as an unexpected error (a 500, or "something went wrong").
import { expect, test, vi } from "vitest";

test("isDomainError recognises a DomainError made by another copy of the module, and nothing else", async () => {
  const first = await import("@/lib/errors");
  vi.resetModules();
  const second = await import("@/lib/errors");
  expect(second.DomainError).not.toBe(first.DomainError);

  const foreign = new second.DomainError("RATE_LIMITED", "Too many attempts", { retryAfterSeconds: 60 });
  expect(first.isDomainError(foreign)).toBe(true);
  expect(first.isDomainError(foreign, "RATE_LIMITED")).toBe(true);
  expect(first.isDomainError(foreign, "NOT_FOUND")).toBe(false);
  expect(first.isDomainError(Object.assign(new Error("look-alike"), { name: "DomainError", code: "RATE_LIMITED" }))).toBe(false);
  expect(first.isDomainError(null)).toBe(false);
});
