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

test("reasons are a closed union: a misspelt reason, or details that belong to another reason, do not compile", async () => {
  const { DomainError } = await import("@/lib/errors");
  // @ts-expect-error "LAST_ADMN" is no CONFLICT reason
  expect(new DomainError("CONFLICT", "typo", { reason: "LAST_ADMN" }).code).toBe("CONFLICT");
  // @ts-expect-error RATE_LIMITED says how long to wait
  expect(new DomainError("RATE_LIMITED", "no wait").details).toEqual({});
  // @ts-expect-error SEATS_IN_USE carries the counts the back office shows
  expect(new DomainError("SEATS_EXHAUSTED", "no counts", { reason: "SEATS_IN_USE" }).code).toBe("SEATS_EXHAUSTED");
  // @ts-expect-error a field problem goes in `fields`
  expect(new DomainError("INVALID", "field", { field: "to" }).code).toBe("INVALID");
});

test("the API maps each reason to its problem code", async () => {
  const { DomainError } = await import("@/lib/errors");
  const { problemFromError } = await import("@/lib/api/problem");
  const codeOf = (error: InstanceType<typeof DomainError>) => problemFromError(error, "en").code;
  expect(codeOf(new DomainError("FORBIDDEN", "ended", { reason: "MEMBERSHIP_ENDED" }))).toBe("FORBIDDEN");
  expect(codeOf(new DomainError("FORBIDDEN", "revoked", { reason: "NOT_ASSIGNED" }))).toBe("NOT_ASSIGNED");
  expect(codeOf(new DomainError("UNAUTHENTICATED", "expired", { reason: "TOKEN_REJECTED", tokenError: "ERR_JWT_EXPIRED" }))).toBe(
    "UNAUTHENTICATED",
  );
  expect(codeOf(new DomainError("UNAUTHENTICATED", "wrong", { reason: "INVALID_CREDENTIALS" }))).toBe("INVALID_CREDENTIALS");
  expect(codeOf(new DomainError("NOT_FOUND", "key", { reason: "INVALID_ACTIVATION_KEY" }))).toBe("INVALID_ACTIVATION_KEY");
  expect(codeOf(new DomainError("CONFLICT", "expired", { reason: "LEASE_EXPIRED" }))).toBe("LEASE_EXPIRED");
  expect(codeOf(new DomainError("CONFLICT", "admin", { reason: "LAST_ADMIN" }))).toBe("CONFLICT");
  const full = problemFromError(
    new DomainError("SEATS_EXHAUSTED", "full", {
      reason: "NO_SEAT_AVAILABLE",
      licenseId: "l",
      companyId: "c",
      seats: 3,
      live: 3,
      nextExpiry: "2026-12-07T12:00:00.000Z",
    }),
    "en",
  );
  expect(full).toMatchObject({ code: "NO_SEAT_AVAILABLE", extensions: { seats: 3, nextExpiry: "2026-12-07T12:00:00.000Z" } });
  const invalid = problemFromError(new DomainError("INVALID", "to", { fields: { to: "invalid" } }), "en");
  expect(invalid).toMatchObject({ code: "INVALID_REQUEST", extensions: { errors: [{ field: "to" }] } });
});
