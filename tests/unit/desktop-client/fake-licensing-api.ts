// A stand-in for the licensing API (/api/v1) as a fetch function, for unit tests of the reference
// client without a server: it keeps to the contract's bodies, signs license files and lease
// receipts with a test key, rotates refresh tokens and treats a reused one as the real one does
// (the session ends). Tests can make it misbehave (a tampered file, another machine's receipt).
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_MS } from "@/lib/licensing-api/contract";
import { FINGERPRINT, jwksOf, leaseClaims, licenseFileClaims, PRODUCT, tamperWith, type TestSigner } from "./signing-fixture";

export const SERVER = "https://licenses.example.test";
export const LICENSE_ID = "6b3f8f0e-0000-4000-8000-000000000002";
const ACTIVATION_ID = "6b3f8f0e-0000-4000-8000-000000000001";
const LEASE_ID = "6b3f8f0e-0000-4000-8000-000000000004";

export type FakeApiOptions = {
  signer: TestSigner;
  now: () => Date;
  /** Keys the server publishes (default: the signer's). */
  published?: () => TestSigner[];
  tamperLicenseFile?: boolean;
  leaseFingerprint?: string;
};

export type FakeApi = { fetch: typeof fetch; requests: string[]; refreshTokensSeen: string[]; sessionRevoked: boolean };

export function createFakeApi(options: FakeApiOptions): FakeApi {
  let generation = 0;
  let currentRefreshToken: string | null = null;
  const spent = new Set<string>();
  const api: FakeApi = { requests: [], refreshTokensSeen: [], sessionRevoked: false, fetch: undefined as unknown as typeof fetch };

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
    new Response(JSON.stringify({ type: "about:blank", title: code, status, code, ...extra }), {
      status,
      headers: { "Content-Type": "application/problem+json" },
    });
  const newSession = (status: number) => {
    generation++;
    currentRefreshToken = `rt-${generation}`;
    return json(status, {
      accessToken: `at-${generation}`,
      tokenType: "Bearer",
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken: currentRefreshToken,
      refreshTokenExpiresAt: new Date(options.now().getTime() + REFRESH_TOKEN_TTL_MS).toISOString(),
    });
  };
  const authorized = (init?: RequestInit) => {
    const header = new Headers(init?.headers).get("Authorization");
    return !api.sessionRevoked && header === `Bearer at-${generation}`;
  };

  api.fetch = async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const route = `${init?.method ?? "GET"} ${url.pathname}`;
    api.requests.push(route);
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, string>) : {};
    const nowSeconds = Math.floor(options.now().getTime() / 1000);
    switch (true) {
      case route === "POST /api/v1/sessions":
        return body.password === "right" ? newSession(201) : problem(401, "INVALID_CREDENTIALS");
      case route === "POST /api/v1/sessions/refresh": {
        api.refreshTokensSeen.push(body.refreshToken!);
        if (spent.has(body.refreshToken!)) {
          // Reuse of a rotated token: the whole family is revoked.
          api.sessionRevoked = true;
          return problem(401, "INVALID_REFRESH_TOKEN");
        }
        if (api.sessionRevoked || body.refreshToken !== currentRefreshToken) return problem(401, "INVALID_REFRESH_TOKEN");
        spent.add(body.refreshToken!);
        return newSession(200);
      }
      case route === "GET /api/v1/signing-keys":
        return json(200, jwksOf(...(options.published?.() ?? [options.signer])));
      case !authorized(init):
        return problem(401, "UNAUTHENTICATED");
      case route === "DELETE /api/v1/sessions/current":
        api.sessionRevoked = true;
        return new Response(null, { status: 204 });
      case route === "POST /api/v1/activations": {
        let licenseFile = await options.signer.sign({
          kind: "licenseFile",
          claims: licenseFileClaims({ fingerprint: body.fingerprint, hostname: body.hostname }),
        });
        if (options.tamperLicenseFile)
          licenseFile = tamperWith(licenseFile, (claims) => void (claims.licenseValidUntil = "2099-01-01T00:00:00.000Z"));
        const activation = {
          id: ACTIVATION_ID,
          licenseId: LICENSE_ID,
          licenseType: "NODE_LOCKED",
          productCode: PRODUCT,
          productName: "PROFIS Layout Office",
          deviceId: "6b3f8f0e-0000-4000-8000-000000000005",
          hostname: body.hostname,
          fingerprint: body.fingerprint,
          activatedAt: options.now().toISOString(),
          validUntil: "2027-01-01T00:00:00.000Z",
        };
        return json(201, { activation, licenseFile });
      }
      case route === `DELETE /api/v1/activations/${ACTIVATION_ID}`:
      case route === `DELETE /api/v1/leases/${LEASE_ID}`:
        return new Response(null, { status: 204 });
      case route === "POST /api/v1/leases":
      case route === `POST /api/v1/leases/${LEASE_ID}/heartbeat`: {
        const expiresAt = new Date(options.now().getTime() + 3600_000);
        const signature = await options.signer.sign({
          kind: "lease",
          claims: leaseClaims(expiresAt, { fingerprint: options.leaseFingerprint ?? body.fingerprint ?? FINGERPRINT }),
          expiresAt: nowSeconds + 3600,
        });
        return json(route.endsWith("heartbeat") ? 200 : 201, {
          id: LEASE_ID,
          licenseId: LICENSE_ID,
          expiresAt: expiresAt.toISOString(),
          signature,
        });
      }
      default:
        return problem(404, "NOT_FOUND");
    }
  };
  return api;
}
