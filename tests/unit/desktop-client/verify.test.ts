// R30, signed files: the reference client refuses a license file or lease receipt that
// was tampered with, signed with another key, expired, issued for another machine, of another
// kind or product, and accepts the right one — offline, with only the published keys.
import { SignJWT } from "jose";
import { beforeAll, describe, expect, test } from "vitest";
import {
  keyIdOf,
  SignedDocumentRejectedError,
  verifyLeaseReceipt,
  verifyLicenseFile,
  type RejectionReason,
} from "@/clients/desktop/verify";
import {
  createSigner,
  FINGERPRINT,
  ISSUER,
  jwksOf,
  leaseClaims,
  licenseFileClaims,
  NOW,
  OTHER_FINGERPRINT,
  PRODUCT,
  tamperWith,
  type TestSigner,
} from "./signing-fixture";

let signer: TestSigner;
let stranger: TestSigner;

beforeAll(async () => {
  signer = await createSigner("key-2026-03");
  stranger = await createSigner("key-2026-03"); // same kid, another private key
});

const checkLicenseFile = (token: string, overrides: Partial<Parameters<typeof verifyLicenseFile>[0]> = {}) =>
  verifyLicenseFile({
    token,
    jwks: jwksOf(signer),
    issuer: ISSUER,
    productCode: PRODUCT,
    fingerprint: FINGERPRINT,
    now: NOW,
    ...overrides,
  });

async function reasonOf(check: Promise<unknown>): Promise<RejectionReason> {
  try {
    await check;
  } catch (error) {
    if (error instanceof SignedDocumentRejectedError) return error.reason;
    throw error;
  }
  throw new Error("the document was accepted");
}

describe("license files", () => {
  test("a file signed by the published key, for this machine and product, is accepted with its claims", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims() });
    const claims = await checkLicenseFile(token, { expected: { activationId: "6b3f8f0e-0000-4000-8000-000000000001" } });
    expect(claims).toMatchObject({ fingerprint: FINGERPRINT, productCode: PRODUCT, licenseType: "NODE_LOCKED", iss: ISSUER, aud: PRODUCT });
    expect(keyIdOf(token)).toBe("key-2026-03");
  });

  test("the issuer may be given with a trailing slash", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims() });
    await expect(checkLicenseFile(token, { issuer: `${ISSUER}/` })).resolves.toMatchObject({ fingerprint: FINGERPRINT });
  });

  test("a tampered payload is refused: moving the file to another machine breaks the signature", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims({ fingerprint: OTHER_FINGERPRINT }) });
    const moved = tamperWith(token, (claims) => {
      claims.fingerprint = FINGERPRINT;
    });
    expect(await reasonOf(checkLicenseFile(moved))).toBe("BAD_SIGNATURE");
  });

  test("a longer validity written into the payload is refused", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims() });
    const extended = tamperWith(token, (claims) => {
      claims.exp = Number(claims.exp) + 365 * 24 * 3600;
    });
    await expect(checkLicenseFile(extended)).rejects.toThrow(/was refused: its signature does not match/);
  });

  test("a file signed with another key under the published kid is refused", async () => {
    const token = await stranger.sign({ kind: "licenseFile", claims: licenseFileClaims() });
    expect(await reasonOf(checkLicenseFile(token))).toBe("BAD_SIGNATURE");
  });

  test("a file naming a key that is not published is refused", async () => {
    const other = await createSigner("key-unknown");
    const token = await other.sign({ kind: "licenseFile", claims: licenseFileClaims() });
    expect(await reasonOf(checkLicenseFile(token))).toBe("UNKNOWN_KEY");
  });

  test("after a key rotation, files of the retired key still verify while it is published", async () => {
    const next = await createSigner("key-2026-04");
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims() });
    await expect(checkLicenseFile(token, { jwks: jwksOf(next, signer) })).resolves.toMatchObject({ fingerprint: FINGERPRINT });
  });

  test("an expired file is refused", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims(), expiresAt: Math.floor(NOW.getTime() / 1000) - 1 });
    expect(await reasonOf(checkLicenseFile(token))).toBe("EXPIRED");
  });

  test("a file issued for another machine is refused", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims({ fingerprint: OTHER_FINGERPRINT }) });
    expect(await reasonOf(checkLicenseFile(token))).toBe("OTHER_MACHINE");
    await expect(checkLicenseFile(token)).rejects.toThrow(/issued for another machine/);
  });

  test("a lease receipt is not accepted as a license file (typ)", async () => {
    const token = await signer.sign({ kind: "lease", claims: licenseFileClaims() });
    expect(await reasonOf(checkLicenseFile(token))).toBe("WRONG_TYPE");
  });

  test("an access token of the API is not accepted as a license file (typ and audience)", async () => {
    const token = await signer.sign({ kind: "access", claims: licenseFileClaims(), audience: "license-portal-api" });
    expect(await reasonOf(checkLicenseFile(token))).toBe("WRONG_TYPE");
    const withFileTyp = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims(), audience: "license-portal-api" });
    expect(await reasonOf(checkLicenseFile(withFileTyp))).toBe("WRONG_AUDIENCE");
  });

  test("a file of another product is refused", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims(), audience: "PROFIS_DETECTION_OFFICE" });
    expect(await reasonOf(checkLicenseFile(token))).toBe("WRONG_AUDIENCE");
  });

  test("a file of another server is refused", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims(), issuer: "https://evil.example.test" });
    expect(await reasonOf(checkLicenseFile(token))).toBe("WRONG_ISSUER");
  });

  test("a file not signed with EdDSA is refused", async () => {
    const token = await new SignJWT(licenseFileClaims())
      .setProtectedHeader({ alg: "HS256", kid: signer.kid, typ: "license-file+jwt" })
      .setIssuer(ISSUER)
      .setSubject("user")
      .setAudience(PRODUCT)
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 3600)
      .sign(new TextEncoder().encode("a shared secret that anyone could know"));
    expect(await reasonOf(checkLicenseFile(token))).toBe("WRONG_ALGORITHM");
  });

  test("a file for another activation than the one asked for is refused", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: licenseFileClaims() });
    expect(await reasonOf(checkLicenseFile(token, { expected: { activationId: "6b3f8f0e-0000-4000-8000-00000000dead" } }))).toBe(
      "UNEXPECTED_CLAIMS",
    );
  });

  test("a file without the claims of a license file is refused", async () => {
    const token = await signer.sign({ kind: "licenseFile", claims: { fingerprint: FINGERPRINT } });
    expect(await reasonOf(checkLicenseFile(token))).toBe("UNEXPECTED_CLAIMS");
  });

  test("garbage is refused as malformed", async () => {
    expect(await reasonOf(checkLicenseFile("not.a.token"))).toBe("MALFORMED");
    expect(keyIdOf("garbage")).toBeNull();
  });
});

describe("lease receipts", () => {
  const hourLater = new Date(NOW.getTime() + 3600_000);
  const checkLease = (token: string, overrides: Partial<Parameters<typeof verifyLeaseReceipt>[0]> = {}) =>
    verifyLeaseReceipt({
      token,
      jwks: jwksOf(signer),
      issuer: ISSUER,
      productCode: PRODUCT,
      fingerprint: FINGERPRINT,
      now: NOW,
      ...overrides,
    });

  test("a receipt for this machine's seat is accepted", async () => {
    const token = await signer.sign({ kind: "lease", claims: leaseClaims(hourLater), expiresAt: Math.floor(hourLater.getTime() / 1000) });
    await expect(checkLease(token, { expected: { leaseId: "6b3f8f0e-0000-4000-8000-000000000004" } })).resolves.toMatchObject({
      expiresAt: hourLater.toISOString(),
    });
  });

  test("a receipt whose hour has passed is refused as expired", async () => {
    const token = await signer.sign({ kind: "lease", claims: leaseClaims(hourLater), expiresAt: Math.floor(hourLater.getTime() / 1000) });
    expect(await reasonOf(checkLease(token, { now: new Date(hourLater.getTime() + 1000) }))).toBe("EXPIRED");
  });

  test("a browser session's receipt (no fingerprint) or another machine's is refused", async () => {
    const browser = await signer.sign({
      kind: "lease",
      claims: leaseClaims(hourLater, { fingerprint: null, browserSessionId: "browser-1" }),
    });
    expect(await reasonOf(checkLease(browser))).toBe("OTHER_MACHINE");
    const other = await signer.sign({ kind: "lease", claims: leaseClaims(hourLater, { fingerprint: OTHER_FINGERPRINT }) });
    expect(await reasonOf(checkLease(other))).toBe("OTHER_MACHINE");
  });

  test("a tampered receipt or a license file in its place is refused", async () => {
    const token = await signer.sign({ kind: "lease", claims: leaseClaims(hourLater) });
    const stretched = tamperWith(token, (claims) => {
      claims.expiresAt = "2030-01-01T00:00:00.000Z";
    });
    expect(await reasonOf(checkLease(stretched))).toBe("BAD_SIGNATURE");
    const licenseFile = await signer.sign({ kind: "licenseFile", claims: leaseClaims(hourLater) });
    expect(await reasonOf(checkLease(licenseFile))).toBe("WRONG_TYPE");
  });
});
