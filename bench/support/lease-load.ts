// Floating desktop seats for the lease benches (bench/lease.ts, bench/overload.ts): the seed, made
// through the domain, and autocannon connections each playing one machine at a time — take a seat
// (POST /api/v1/leases), release it (DELETE /api/v1/leases/{id}), and again with a free machine.
import http from "node:http";
import { createRequire } from "node:module";
import { createAccount } from "@/lib/accounts/create-account";
import { activateLicense } from "@/lib/activations/activate-license";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { createCompany } from "@/lib/companies/create-company";
import { createDb, useDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { ensureProductCatalogue } from "@/lib/products/ensure-product-catalogue";

export const LEASE_BENCH_EMAIL = "lease-bench@bench.example";
export const LEASE_BENCH_PASSWORD = "lease-bench-passphrase-2026";

export type SeededLeases = { licenseId: string; userId: string; fingerprints: string[] };
export type LoadFigures = { requestsPerSecond: number; p99: number; p50: number; requests: number; non2xx: number; errors: number };
/** One answer as the load generator saw it: its status and how long it took, in ms. */
export type ObservedAnswer = { status: number; latencyMs: number; headers: Record<string, string>; body: string };

// ---------------------------------------------------------------- autocannon (no bundled types)

type BenchRequest = {
  method: "POST" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: BenchRequest, context: Record<string, unknown>) => BenchRequest | null;
  onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
};
type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
};
type AutocannonRun = Promise<AutocannonResult> & {
  on: (event: "response", listener: (client: unknown, status: number, bytes: number, latencyMs: number) => void) => void;
};
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  requests: BenchRequest[];
}) => AutocannonRun;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/**
 * A company with one user, a PROFIS Detection Office floating license of `seats` assigned to them,
 * and `machines` activated machines.
 */
export async function seedFloatingLeases(databaseUrl: string, options: { seats: number; machines: number }): Promise<SeededLeases> {
  await migrate({ connectionString: databaseUrl });
  const prisma = createDb(databaseUrl, 4);
  useDb(prisma);
  try {
    await ensureProductCatalogue();
    const staff = await createAccount({
      email: "staff@bench.example",
      firstName: "Bench",
      lastName: "Staff",
      credentials: { password: LEASE_BENCH_PASSWORD },
      isStaff: true,
    });
    const user = await createAccount({
      email: LEASE_BENCH_EMAIL,
      firstName: "Lease",
      lastName: "Bench",
      credentials: { password: LEASE_BENCH_PASSWORD },
    });
    const company = await createCompany({ actor: staff, name: "Lease Bench B.V.", country: "NL", sapAccountNumber: "0009000001" });
    await addCompanyMember({ actor: staff, companyId: company.id, email: LEASE_BENCH_EMAIL, role: "ADMIN" });
    const group = await createLicenseGroup({ actor: staff, companyId: company.id, name: "Bench group" });
    const license = await createLicense({
      actor: staff,
      groupId: group.id,
      productCode: "PROFIS_DETECTION_OFFICE",
      type: "FLOATING",
      seats: options.seats,
    });
    await saveAssignments({
      actor: user,
      groupId: group.id,
      expectedVersion: group.version,
      changes: [{ licenseId: license.id, userId: user.id, assigned: true }],
    });
    const fingerprints = Array.from({ length: options.machines }, (_, index) => `bench-machine-${String(index).padStart(4, "0")}`);
    for (const fingerprint of fingerprints) {
      await activateLicense({ actor: user, activationKey: license.activationKey!, fingerprint, hostname: fingerprint.toUpperCase() });
    }
    return { licenseId: license.id, userId: user.id, fingerprints };
  } finally {
    await prisma.$disconnect();
  }
}

/** An access token of the seeded user (POST /api/v1/sessions). */
export async function signInLeaseUser(baseUrl: string, client: string): Promise<string> {
  const signIn = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: LEASE_BENCH_EMAIL, password: LEASE_BENCH_PASSWORD, client }),
  });
  if (signIn.status !== 201) throw new Error(`sign-in answered ${signIn.status}: ${await signIn.text()}`);
  return ((await signIn.json()) as { accessToken: string }).accessToken;
}

/**
 * take + release over `connections` for `seconds`: each connection borrows a free machine for the
 * take and returns it after the release (or after a refused take), so no two connections ever act
 * as the same machine. `observe` sees every answer.
 */
export async function takeAndRelease(options: {
  url: string;
  seeded: SeededLeases;
  accessToken: string;
  connections: number;
  seconds: number;
  /** An answer not begun within this many seconds is a timeout (autocannon's default: 10). */
  timeoutSeconds?: number;
  observe?: (answer: ObservedAnswer) => void;
}): Promise<LoadFigures> {
  const { seeded, observe } = options;
  const headers = { Authorization: `Bearer ${options.accessToken}` };
  const freeMachines = [...seeded.fingerprints];
  // autocannon reports an answer's headers and body (the request's onResponse) and its latency (the
  // run's "response" event) apart, one right after the other: the first waits here for the second.
  let last = { headers: {} as Record<string, string>, body: "" };
  const run = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.timeoutSeconds ? { timeout: options.timeoutSeconds } : {}),
    requests: [
      {
        method: "POST",
        path: "/api/v1/leases",
        headers: { ...headers, "Content-Type": "application/json" },
        setupRequest: (request, context) => {
          const fingerprint = freeMachines.pop();
          if (!fingerprint) throw new Error("more connections than machines");
          context.fingerprint = fingerprint;
          return { ...request, body: JSON.stringify({ licenseId: seeded.licenseId, fingerprint }) };
        },
        onResponse: (status, body, context, headers) => {
          last = { headers, body };
          // 201 a new seat; 200 a machine whose seat an earlier run (or a refused release) left open.
          if (status === 201 || status === 200) {
            context.leaseId = (JSON.parse(body) as { id: string }).id;
          } else {
            context.leaseId = undefined;
            freeMachines.push(context.fingerprint as string);
          }
        },
      },
      {
        method: "DELETE",
        path: "/api/v1/leases/",
        headers,
        // No seat taken: no release; the connection starts over with a take.
        setupRequest: (request, context) => (context.leaseId ? { ...request, path: `/api/v1/leases/${String(context.leaseId)}` } : null),
        onResponse: (_status, body, context, headers) => {
          last = { headers, body };
          freeMachines.push(context.fingerprint as string);
        },
      },
    ],
  });
  if (observe) run.on("response", (_client, status, _bytes, latencyMs) => observe({ status, latencyMs, ...last }));
  const result = await run;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * The same take + release from `clients` clients that behave as the reference client does: a 503
 * is waited out for its Retry-After before the client asks again. Plain node:http, one keep-alive
 * socket per client; `observe` sees every answer with its latency.
 */
export async function politeTakeAndRelease(options: {
  url: string;
  seeded: SeededLeases;
  accessToken: string;
  clients: number;
  seconds: number;
  observe: (answer: ObservedAnswer) => void;
}): Promise<{ requests: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const target = new URL(options.url);
  const freeMachines = [...options.seeded.fingerprints];
  const deadline = performance.now() + options.seconds * 1_000;
  let [requests, errors] = [0, 0];
  const send = (method: string, path: string, body?: string) =>
    new Promise<ObservedAnswer>((resolve, reject) => {
      const startedAt = performance.now();
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method,
          path,
          timeout: 60_000,
          headers: { Authorization: `Bearer ${options.accessToken}`, ...(body ? { "Content-Type": "application/json" } : {}) },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              latencyMs: performance.now() - startedAt,
              headers: response.headers as Record<string, string>,
              body: text,
            }),
          );
        },
      );
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", reject);
      request.end(body);
    });
  const waitOut = (answer: ObservedAnswer) =>
    new Promise((resolve) => setTimeout(resolve, answer.status === 503 ? Number(answer.headers["retry-after"] ?? 1) * 1_000 : 0));
  const client = async () => {
    while (performance.now() < deadline) {
      const fingerprint = freeMachines.pop();
      if (!fingerprint) throw new Error("more clients than machines");
      try {
        requests++;
        const take = await send("POST", "/api/v1/leases", JSON.stringify({ licenseId: options.seeded.licenseId, fingerprint }));
        options.observe(take);
        if (take.status === 200 || take.status === 201) {
          const leaseId = (JSON.parse(take.body) as { id: string }).id;
          // A shed release is sent again after the wait: the seat is given back, as the reference client does.
          for (let answer: ObservedAnswer | null = null; answer === null || answer.status === 503;) {
            requests++;
            answer = await send("DELETE", `/api/v1/leases/${leaseId}`);
            options.observe(answer);
            await waitOut(answer);
          }
        } else {
          await waitOut(take);
        }
      } catch {
        errors++;
      } finally {
        freeMachines.push(fingerprint);
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  agent.destroy();
  return { requests, errors };
}
