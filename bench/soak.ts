// Soak (docs/OPERATIONS.md): two app instances on one PostgreSQL database under a steady mixed load
// for minutes — grid pages, grid saves, desktop seats, sign-ins — with zero errors expected, and
// the memory of each instance before, at the end of and after the load.
//
//   npm run bench:soak       (needs a production build: `npm run build`)
//
// BENCH_SOAK_SECONDS (600) of load after BENCH_SOAK_WARMUP_SECONDS (30) of the same load, then
// BENCH_SOAK_COOLDOWN_SECONDS (120) idle before the last memory reading. BENCH_SOAK_NGINX=true
// puts nginx (NGINX_PATH, default /usr/sbin/nginx) in front, round robin; otherwise the bench
// itself sends each request to the next instance. BENCH_PORT (3380): the instances on it and + 1,
// nginx on + 2. BENCH_DATABASE_URL (postgresql://postgres@127.0.0.1:5432/postgres): the server;
// the bench creates its database there and drops it at the end.
//
// Seeded through the domain (lib/): a verified company with an admin and 200 members, three grid
// groups each with a named web license (half the members assigned) and a floating desktop one, and
// a floating license with one activated machine per seat client. Each worker loops without pause (sign-ins: 250 ms between rounds):
//   grid read     ×4  GET /software-management/<group> as the company admin (the whole streamed page)
//   grid save     ×2  the page's server action saveAssignmentsAction (POST with Next-Action), one
//                     group each, 5 ticks flipped per save with the version it returned last
//   desktop seat  ×6  POST /api/v1/leases → POST …/heartbeat → DELETE …, one machine each
//   API sign-in   ×1  POST /api/v1/sessions → POST /api/v1/sessions/refresh → DELETE …/current
//   browser       ×1  next-auth: GET /api/auth/csrf → POST /api/auth/callback/credentials → POST /api/auth/signout
// Both instances run the mail worker, delivering the save's mails to an SMTP server in this process.
// An error is any other status than the one expected (every 5xx among them), a save not `ok`, a
// network error or a timeout (60 s); any error makes the exit code 1. A request that went out on a
// kept-alive connection the server was just closing is sent once more, as browsers do (counted).
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createAccount } from "@/lib/accounts/create-account";
import { activateLicense } from "@/lib/activations/activate-license";
import { saveAssignments, type SavedAssignments } from "@/lib/assignments/save-assignments";
import { hashPassword } from "@/lib/auth/password";
import { createCompany } from "@/lib/companies/create-company";
import { createDb, useDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { ensureProductCatalogue } from "@/lib/products/ensure-product-catalogue";
import { spawnNginx } from "../tests/fixtures/nginx";
import { actionId, actionResultOf } from "../tests/fixtures/server-actions";
import { startTestSmtpServer } from "../tests/setup/smtp-server";
import { startApp, stopProcessGroup, treeRssMiB, waitForAnswer, type AppProcess } from "./support/app-instance";
import { withBenchDatabase } from "./support/bench-database";
import { percentile } from "./support/statistics";

const PORT = Number(process.env.BENCH_PORT ?? 3380);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const WARMUP_SECONDS = Number(process.env.BENCH_SOAK_WARMUP_SECONDS ?? 30);
const COOLDOWN_SECONDS = Number(process.env.BENCH_SOAK_COOLDOWN_SECONDS ?? 120);
const USE_NGINX = ["true", "1", "yes"].includes(process.env.BENCH_SOAK_NGINX ?? "");
const WORKERS = { gridRead: 4, gridSave: 2, desktopSeat: 6, apiSignIn: 1, browserSignIn: 1 };
const SIGN_IN_PAUSE_MS = 250;
const MEMBERS = 200;
const CHANGES_PER_SAVE = 5;
const REQUEST_TIMEOUT_MS = 60_000;
/** Idle kept-alive connections are closed by the bench before Node's server closes them (after 5 s). */
const AGENT_IDLE_MS = 4_000;
/** Access tokens last 15 minutes: a seat client refreshes its own after 10. */
const TOKEN_REFRESH_AFTER_MS = 10 * 60_000;
const POOL_SIZE = 10;
const PASSWORD = "soak-bench-passphrase-2026";
const ADMIN_EMAIL = "soak-admin@bench.example";
const DESKTOP_EMAIL = "soak-desktop@bench.example";

const KINDS = [
  "grid read",
  "grid save",
  "lease take",
  "lease heartbeat",
  "lease release",
  "API sign-in",
  "API refresh",
  "API sign-out",
  "browser csrf",
  "browser sign-in",
  "browser sign-out",
] as const;
type Kind = (typeof KINDS)[number];

type Seeded = {
  groups: { id: string; name: string; version: number; licenseId: string; assigned: Set<string> }[];
  memberIds: string[];
  floatingLicenseId: string;
  fingerprints: string[];
};

// ---------------------------------------------------------------- seed (through the domain)

async function seed(databaseUrl: string): Promise<Seeded> {
  await migrate({ connectionString: databaseUrl });
  const prisma = createDb(databaseUrl, 4);
  useDb(prisma);
  try {
    await ensureProductCatalogue();
    const credentials = { passwordHash: await hashPassword(PASSWORD) };
    const staff = await createAccount({
      email: "soak-staff@bench.example",
      firstName: "Soak",
      lastName: "Staff",
      credentials,
      isStaff: true,
    });
    const company = await createCompany({ actor: staff, name: "Soak Bench B.V.", country: "NL", sapAccountNumber: "0009000002" });
    const admin = await createAccount({ email: ADMIN_EMAIL, firstName: "Soak", lastName: "Admin", credentials });
    await addCompanyMember({ actor: staff, companyId: company.id, email: ADMIN_EMAIL, role: "ADMIN" });
    const desktop = await createAccount({ email: DESKTOP_EMAIL, firstName: "Soak", lastName: "Desktop", credentials });
    await addCompanyMember({ actor: staff, companyId: company.id, email: DESKTOP_EMAIL });
    const memberIds: string[] = [];
    for (let index = 0; index < MEMBERS; index++) {
      const email = `soak-member-${String(index).padStart(3, "0")}@bench.example`;
      memberIds.push((await createAccount({ email, firstName: `Member ${index}`, lastName: "Soak", credentials })).id);
      await addCompanyMember({ actor: staff, companyId: company.id, email });
    }

    const groups: Seeded["groups"] = [];
    for (let index = 0; index < WORKERS.gridSave + 1; index++) {
      const name = `Soak group ${index + 1}`;
      const group = await createLicenseGroup({ actor: staff, companyId: company.id, name });
      const web = await createLicense({
        actor: staff,
        groupId: group.id,
        productCode: "PROFIS_ENGINEERING",
        type: "NAMED_USER",
        seats: 1_000,
      });
      await createLicense({ actor: staff, groupId: group.id, productCode: "PROFIS_LAYOUT_OFFICE", type: "FLOATING", seats: 50 });
      const assigned = memberIds.slice(0, MEMBERS / 2);
      const saved = await saveAssignments({
        actor: admin,
        groupId: group.id,
        expectedVersion: group.version,
        changes: assigned.map((userId) => ({ licenseId: web.id, userId, assigned: true })),
      });
      groups.push({ id: group.id, name, version: saved.version, licenseId: web.id, assigned: new Set(assigned) });
    }

    const seatGroup = await createLicenseGroup({ actor: staff, companyId: company.id, name: "Soak desktop seats" });
    const floating = await createLicense({
      actor: staff,
      groupId: seatGroup.id,
      productCode: "PROFIS_DETECTION_OFFICE",
      type: "FLOATING",
      seats: 100,
    });
    await saveAssignments({
      actor: admin,
      groupId: seatGroup.id,
      expectedVersion: seatGroup.version,
      changes: [{ licenseId: floating.id, userId: desktop.id, assigned: true }],
    });
    const fingerprints = Array.from({ length: WORKERS.desktopSeat }, (_, index) => `soak-machine-${String(index).padStart(4, "0")}`);
    for (const fingerprint of fingerprints)
      await activateLicense({ actor: desktop, activationKey: floating.activationKey!, fingerprint, hostname: fingerprint.toUpperCase() });
    return { groups, memberIds, floatingLicenseId: floating.id, fingerprints };
  } finally {
    await prisma.$disconnect();
  }
}

// ---------------------------------------------------------------- HTTP: targets, cookies, figures

type Target = { name: string; base: string; agent: http.Agent };
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
type Outcome = { latencies: number[]; errors: number; serverErrors: number; problems: Map<string, number> };

let phase: "warm-up" | "measure" | "stopping" = "warm-up";
let targets: Target[] = [];
let nextTarget = 0;
const outcomes = new Map<Kind, Outcome>();
const warmupErrors = new Map<string, number>();
/** Answers per instance (direct: the instance asked; nginx: its X-Upstream header). */
const answeredBy = new Map<string, number>();

function emptyOutcome(): Outcome {
  return { latencies: [], errors: 0, serverErrors: 0, problems: new Map() };
}

type RequestOptions = {
  headers?: Record<string, string>;
  body?: string;
  /** Send the instance's own origin, as a browser on its page does. */ hasOrigin?: boolean;
};

/** Requests sent again because the server had closed the idle keep-alive connection they went out on. */
let keepAliveRetries = 0;

/** One request to the next instance (or to nginx), its whole body read. */
function send(method: string, pathname: string, options: RequestOptions = {}): Promise<Answer & { target: Target }> {
  const target = targets[nextTarget++ % targets.length]!;
  return sendTo(target, method, pathname, options);
}

function sendTo(
  target: Target,
  method: string,
  pathname: string,
  options: RequestOptions,
  isRetry = false,
): Promise<Answer & { target: Target }> {
  const url = new URL(pathname, target.base);
  const headers = {
    ...options.headers,
    ...(options.hasOrigin ? { Origin: target.base } : {}),
    ...(options.body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(options.body)) }),
  };
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent: target.agent, headers });
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on("error", (error: NodeJS.ErrnoException) => {
      // The server closed an idle kept-alive connection as the request went out on it: nothing was
      // received, so, as browsers do, send it once more on a new connection (Node's documented pattern).
      if (request.reusedSocket && !isRetry && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
        keepAliveRetries++;
        sendTo(target, method, pathname, options, true).then(resolve, reject);
      } else {
        reject(error);
      }
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8"), target }),
      );
    });
    request.end(options.body);
  });
}

/**
 * One request of a kind, timed to the end of its body. `problemOf` says what is wrong with the
 * answer (null: as expected); a wrong answer or a failed request counts as an error of the kind and
 * ends the worker's round (null is returned).
 */
async function step(
  kind: Kind,
  method: string,
  pathname: string,
  options: RequestOptions,
  problemOf: (answer: Answer) => string | null,
): Promise<Answer | null> {
  const isMeasured = phase === "measure";
  const startedAt = performance.now();
  let problem: string | null;
  let answer: Answer | null = null;
  try {
    const sent = await send(method, pathname, options);
    answer = sent;
    const instance = USE_NGINX ? String(sent.headers["x-upstream"] ?? "?") : sent.target.name;
    answeredBy.set(instance, (answeredBy.get(instance) ?? 0) + 1);
    problem = problemOf(sent);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const latency = performance.now() - startedAt;
  if (problem !== null) {
    const line = `${kind}: ${problem}${answer ? ` — ${answer.body.slice(0, 160).replace(/\s+/g, " ")}` : ""}`;
    if (!isMeasured) {
      warmupErrors.set(line, (warmupErrors.get(line) ?? 0) + 1);
      return null;
    }
    const outcome = outcomes.get(kind)!;
    outcome.errors++;
    if (answer && answer.status >= 500) outcome.serverErrors++;
    outcome.problems.set(line, (outcome.problems.get(line) ?? 0) + 1);
    return null;
  }
  if (isMeasured) outcomes.get(kind)!.latencies.push(latency);
  return answer;
}

const expectStatus =
  (...statuses: number[]) =>
  (answer: Answer) =>
    statuses.includes(answer.status) ? null : `status ${answer.status}`;

/** The cookies a browser keeps: name=value pairs, replaced by Set-Cookie, removed when expired. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(answer: Answer): void {
    for (const cookie of answer.headers["set-cookie"] ?? []) {
      const [pair = "", ...attributes] = cookie.split(";");
      const separator = pair.indexOf("=");
      const [name, value] = [pair.slice(0, separator).trim(), pair.slice(separator + 1).trim()];
      const isExpired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === "";
      if (isExpired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  hasSession(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("session-token"));
  }
}

// ---------------------------------------------------------------- the workers' rounds

const json = (value: unknown) => ({ headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** next-auth's credentials sign-in, as the sign-in form does it; the jar ends up with the session. */
async function browserSignIn(jar: CookieJar, email: string): Promise<string | null> {
  const csrf = await step("browser csrf", "GET", "/api/auth/csrf", { headers: { Cookie: jar.header() } }, expectStatus(200));
  if (!csrf) return null;
  jar.take(csrf);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }).toString();
  const signedIn = await step(
    "browser sign-in",
    "POST",
    "/api/auth/callback/credentials",
    { headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() }, body: form },
    (answer) => {
      if (answer.status !== 200) return `status ${answer.status}`;
      return (answer.headers["set-cookie"] ?? []).some((cookie) => cookie.includes("session-token=")) ? null : "no session cookie";
    },
  );
  if (!signedIn) return null;
  jar.take(signedIn);
  return csrfToken;
}

async function browserRound(): Promise<void> {
  const jar = new CookieJar();
  const csrfToken = await browserSignIn(jar, ADMIN_EMAIL);
  if (!csrfToken) return;
  const form = new URLSearchParams({ csrfToken, json: "true" }).toString();
  const signedOut = await step(
    "browser sign-out",
    "POST",
    "/api/auth/signout",
    { headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() }, body: form },
    expectStatus(200),
  );
  if (signedOut) jar.take(signedOut);
}

async function apiSignInRound(): Promise<void> {
  const signedIn = await step(
    "API sign-in",
    "POST",
    "/api/v1/sessions",
    json({ email: DESKTOP_EMAIL, password: PASSWORD, client: "bench/soak sign-in" }),
    expectStatus(201),
  );
  if (!signedIn) return;
  const { refreshToken } = JSON.parse(signedIn.body) as { refreshToken: string };
  const refreshed = await step("API refresh", "POST", "/api/v1/sessions/refresh", json({ refreshToken }), expectStatus(200));
  if (!refreshed) return;
  const { accessToken } = JSON.parse(refreshed.body) as { accessToken: string };
  await step("API sign-out", "DELETE", "/api/v1/sessions/current", { headers: bearer(accessToken) }, expectStatus(204));
}

type DesktopClient = { fingerprint: string; accessToken: string; refreshToken: string; signedInAt: number };

async function desktopSeatRound(client: DesktopClient, licenseId: string): Promise<void> {
  if (Date.now() - client.signedInAt > TOKEN_REFRESH_AFTER_MS) {
    const refreshed = await step(
      "API refresh",
      "POST",
      "/api/v1/sessions/refresh",
      json({ refreshToken: client.refreshToken }),
      expectStatus(200),
    );
    if (!refreshed) return;
    Object.assign(client, JSON.parse(refreshed.body) as Pick<DesktopClient, "accessToken" | "refreshToken">, { signedInAt: Date.now() });
  }
  const auth = bearer(client.accessToken);
  const body = JSON.stringify({ licenseId, fingerprint: client.fingerprint });
  // 201 a new seat; 200 if a release before was lost and the machine still held its seat.
  const taken = await step(
    "lease take",
    "POST",
    "/api/v1/leases",
    { headers: { "Content-Type": "application/json", ...auth }, body },
    expectStatus(201, 200),
  );
  if (!taken) return;
  const { id } = JSON.parse(taken.body) as { id: string };
  await step("lease heartbeat", "POST", `/api/v1/leases/${id}/heartbeat`, { headers: auth }, expectStatus(200));
  await step("lease release", "DELETE", `/api/v1/leases/${id}`, { headers: auth }, expectStatus(204));
}

async function gridReadRound(jar: CookieJar, group: Seeded["groups"][number]): Promise<void> {
  await step(
    "grid read",
    "GET",
    `/software-management/${group.id}`,
    { headers: { Cookie: jar.header(), Accept: "text/html" } },
    (answer) => {
      if (answer.status !== 200) return `status ${answer.status}`;
      return answer.body.includes(group.name) && answer.body.includes("</html>") ? null : "the page lacks the group or its end";
    },
  );
}

/** The action's result in its RSC answer: the one line whose JSON value has `ok`. */
/** Flips the next CHANGES_PER_SAVE members' tick of the group's web license through the server action. */
async function gridSaveRound(
  jar: CookieJar,
  group: Seeded["groups"][number],
  memberIds: string[],
  actionId: string,
  cursor: { next: number },
): Promise<void> {
  const userIds = Array.from({ length: CHANGES_PER_SAVE }, (_, offset) => memberIds[(cursor.next + offset) % memberIds.length]!);
  const changes = userIds.map((userId) => ({ licenseId: group.licenseId, userId, assigned: !group.assigned.has(userId) }));
  let saved: SavedAssignments | undefined;
  await step(
    "grid save",
    "POST",
    `/software-management/${group.id}`,
    {
      // As React's client sends a server action: the arguments as JSON text, the action's id, the page's origin.
      headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Cookie: jar.header() },
      body: JSON.stringify([{ groupId: group.id, expectedVersion: group.version, changes }]),
      hasOrigin: true,
    },
    (answer) => {
      if (answer.status !== 200) return `status ${answer.status}`;
      const result = actionResultOf<SavedAssignments>(answer.body);
      if (!result) return "no action result in the answer";
      if (!result.ok) return `not saved: ${result.error?.code ?? "?"} ${result.error?.message ?? ""}`;
      saved = result.data;
      return null;
    },
  );
  if (!saved) return;
  group.version = saved.version;
  for (const change of changes) {
    if (change.assigned) group.assigned.add(change.userId);
    else group.assigned.delete(change.userId);
  }
  cursor.next += CHANGES_PER_SAVE;
}

// ---------------------------------------------------------------- processes

async function startNginx(directory: string, ports: number[], listenPort: number): Promise<ChildProcess> {
  const nginx = await spawnNginx({ directory, upstreamPorts: ports, listenPort });
  await waitForAnswer(`http://127.0.0.1:${listenPort}/api/v1/health`, { child: nginx });
  return nginx;
}

async function stopNginx(nginx: ChildProcess): Promise<void> {
  if (nginx.exitCode !== null) return;
  const exited = new Promise((resolve) => nginx.once("exit", resolve));
  nginx.kill("SIGQUIT");
  await exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- main

type Memory = { afterWarmup: number; peak: number; atEnd: number; afterCooldown: number };

async function main(): Promise<void> {
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const saveAction = actionId("app/(portal)/software-management/[groupId]/actions.ts#saveAssignmentsAction");
  const ports = [PORT, PORT + 1];
  const proxyPort = PORT + 2;
  const directory = await mkdtemp(path.join(os.tmpdir(), "lp-bench-soak-"));
  const smtp = await startTestSmtpServer();
  let mailsReceived = 0;
  const mailCounter = setInterval(() => (mailsReceived += smtp.received.splice(0).length), 1_000);
  let failed = false;
  try {
    await withBenchDatabase(serverUrl, "lp_bench_soak", async (databaseUrl) => {
      const seeded = await seed(databaseUrl);
      console.error(`[soak] seeded: ${MEMBERS} members, ${seeded.groups.length} grid groups, ${seeded.fingerprints.length} machines`);
      const env = {
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        EMAIL_WORKER: "on",
        SMTP_URL: smtp.url,
        // One address for all instances, as in a deployment: it is the issuer of every token.
        APP_BASE_URL: USE_NGINX ? `http://127.0.0.1:${proxyPort}` : `http://127.0.0.1:${PORT}`,
        ...(USE_NGINX ? { TRUST_PROXY: "true" } : {}),
      };
      const apps: AppProcess[] = ports.map((port) => startApp({ port, databaseUrl, env }));
      let nginx: ChildProcess | null = null;
      try {
        await Promise.all(apps.map((app, index) => waitForAnswer(`http://127.0.0.1:${ports[index]}/api/v1/health`, app)));
        if (USE_NGINX) nginx = await startNginx(directory, ports, proxyPort);
        const bases = USE_NGINX ? [`http://127.0.0.1:${proxyPort}`] : ports.map((port) => `http://127.0.0.1:${port}`);
        targets = bases.map((base) => ({
          name: new URL(base).host,
          base,
          agent: new http.Agent({ keepAlive: true, maxSockets: 64, timeout: AGENT_IDLE_MS }),
        }));
        const { seconds, memory } = await runLoad(seeded, saveAction, apps);
        failed = report(seconds, memory, apps, { received: mailsReceived, outbox: await outboxCounts(databaseUrl) });
      } finally {
        phase = "stopping";
        if (nginx) await stopNginx(nginx);
        await Promise.all(apps.map((app) => stopProcessGroup(app.child)));
        for (const target of targets) target.agent.destroy();
      }
    });
  } finally {
    clearInterval(mailCounter);
    await smtp.close();
    await rm(directory, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

async function runLoad(seeded: Seeded, actionId: string, apps: AppProcess[]): Promise<{ seconds: number; memory: Memory[] }> {
  // Every worker has its own browser session or API session, made before the clock starts.
  const adminJar = async () => {
    const jar = new CookieJar();
    await browserSignIn(jar, ADMIN_EMAIL);
    if (!jar.hasSession()) throw new Error(`the admin could not sign in: ${[...warmupErrors.keys()].join("; ")}`);
    return jar;
  };
  const desktopClients: DesktopClient[] = [];
  for (const fingerprint of seeded.fingerprints) {
    const signedIn = await send(
      "POST",
      "/api/v1/sessions",
      json({ email: DESKTOP_EMAIL, password: PASSWORD, client: `bench/soak ${fingerprint}` }),
    );
    if (signedIn.status !== 201) throw new Error(`the desktop user could not sign in: ${signedIn.status} ${signedIn.body}`);
    desktopClients.push({
      fingerprint,
      ...(JSON.parse(signedIn.body) as { accessToken: string; refreshToken: string }),
      signedInAt: Date.now(),
    });
  }
  const readJars = await Promise.all(Array.from({ length: WORKERS.gridRead }, adminJar));
  const saveJars = await Promise.all(Array.from({ length: WORKERS.gridSave }, adminJar));

  const loop = async (round: () => Promise<void>, pauseMs = 0) => {
    while (phase !== "stopping") {
      await round();
      if (pauseMs > 0) await sleep(pauseMs);
    }
  };
  const workers = [
    ...readJars.map((jar) => loop(() => gridReadRound(jar, seeded.groups[Math.floor(Math.random() * seeded.groups.length)]!))),
    ...saveJars.map((jar, index) => {
      // From the unassigned half on: the first saves grant (and mail), the later ones also revoke.
      const cursor = { next: MEMBERS / 2 };
      return loop(() => gridSaveRound(jar, seeded.groups[index]!, seeded.memberIds, actionId, cursor));
    }),
    ...desktopClients.map((client) => loop(() => desktopSeatRound(client, seeded.floatingLicenseId))),
    ...Array.from({ length: WORKERS.apiSignIn }, () => loop(apiSignInRound, SIGN_IN_PAUSE_MS)),
    ...Array.from({ length: WORKERS.browserSignIn }, () => loop(browserRound, SIGN_IN_PAUSE_MS)),
  ];

  const rss = () => apps.map((app) => treeRssMiB(app.child.pid!));
  console.error(`[soak] warm-up: ${WARMUP_SECONDS} s`);
  await sleep(WARMUP_SECONDS * 1_000);
  const afterWarmup = rss();
  for (const kind of KINDS) outcomes.set(kind, emptyOutcome());
  phase = "measure";
  const peak = [...afterWarmup];

  // A line per interval: a soak is about the trend, not only the totals.
  const intervalSeconds = Math.max(10, Math.round(SOAK_SECONDS / 10));
  const startedAt = performance.now();
  const countOf = (kind: Kind) => outcomes.get(kind)!.latencies.length + outcomes.get(kind)!.errors;
  let seenLatencies = new Map<Kind, number>(KINDS.map((kind) => [kind, 0]));
  let seenRequests = 0;
  console.error(`[soak] ${SOAK_SECONDS} s of load, a line every ${intervalSeconds} s`);
  for (let elapsed = 0; elapsed < SOAK_SECONDS;) {
    const wait = Math.min(intervalSeconds, SOAK_SECONDS - elapsed);
    for (let second = 0; second < wait; second += 5) {
      await sleep(Math.min(5, wait - second) * 1_000);
      rss().forEach((value, index) => (peak[index] = Math.max(peak[index]!, value)));
    }
    elapsed += wait;
    const fresh = (kind: Kind) => outcomes.get(kind)!.latencies.slice(seenLatencies.get(kind)!);
    const requests = KINDS.reduce((sum, kind) => sum + countOf(kind), 0);
    const total = requests - seenRequests;
    const errors = KINDS.reduce((sum, kind) => sum + outcomes.get(kind)!.errors, 0);
    const cells = [
      `${String(Math.round(elapsed)).padStart(4)} s`,
      `${(total / wait).toFixed(0).padStart(4)} req/s`,
      `grid read p99 ${percentile(fresh("grid read"), 99).toFixed(0).padStart(5)} ms`,
      `save p99 ${percentile(fresh("grid save"), 99).toFixed(0).padStart(5)} ms`,
      `lease take p99 ${percentile(fresh("lease take"), 99).toFixed(0).padStart(4)} ms`,
      `errors so far ${errors}`,
      `RSS ${rss()
        .map((value) => `${value.toFixed(0)}`)
        .join(" / ")} MiB`,
    ];
    console.error(`[soak] ${cells.join(" · ")}`);
    seenLatencies = new Map(KINDS.map((kind) => [kind, outcomes.get(kind)!.latencies.length]));
    seenRequests = requests;
  }
  const seconds = (performance.now() - startedAt) / 1_000;
  const atEnd = rss();
  phase = "stopping";
  await Promise.all(workers);
  console.error(`[soak] load stopped; cooling down ${COOLDOWN_SECONDS} s`);
  await sleep(COOLDOWN_SECONDS * 1_000);
  const afterCooldown = rss();
  return {
    seconds,
    memory: apps.map((_, index) => ({
      afterWarmup: afterWarmup[index]!,
      peak: peak[index]!,
      atEnd: atEnd[index]!,
      afterCooldown: afterCooldown[index]!,
    })),
  };
}

async function outboxCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ status: string; count: string }>(
      `SELECT "status", count(*) FROM "EmailMessage" GROUP BY "status"`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  } finally {
    await client.end();
  }
}

/** Prints the figures; true when any error happened. */
function report(
  seconds: number,
  memory: Memory[],
  apps: AppProcess[],
  mails: { received: number; outbox: Record<string, number> },
): boolean {
  console.log(
    `\nsoak: ${USE_NGINX ? "nginx round robin over" : "the bench's round robin over"} 2 instances on one PostgreSQL, ${seconds.toFixed(0)} s of mixed load after ${WARMUP_SECONDS} s of warm-up`,
  );
  console.log(
    `(machine: ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; PostgreSQL ${new URL(serverUrl).host}; pools of ${POOL_SIZE}; workers ${JSON.stringify(WORKERS)})`,
  );
  console.log(
    `${"".padEnd(17)} ${"requests".padStart(9)} ${"req/s".padStart(7)} ${"p50".padStart(9)} ${"p99".padStart(9)} ${"errors".padStart(7)} ${"5xx".padStart(5)}`,
  );
  let requests = 0;
  let errors = 0;
  for (const kind of KINDS) {
    const outcome = outcomes.get(kind)!;
    const count = outcome.latencies.length + outcome.errors;
    requests += count;
    errors += outcome.errors;
    const cells = [
      String(count).padStart(9),
      (count / seconds).toFixed(1).padStart(7),
      `${percentile(outcome.latencies, 50).toFixed(0)} ms`.padStart(9),
      `${percentile(outcome.latencies, 99).toFixed(0)} ms`.padStart(9),
      String(outcome.errors).padStart(7),
      String(outcome.serverErrors).padStart(5),
    ];
    console.log(`${kind.padEnd(17)} ${cells.join(" ")}`);
  }
  console.log(`${"all".padEnd(17)} ${String(requests).padStart(9)} ${(requests / seconds).toFixed(1).padStart(7)}`);
  console.log(
    `answered by: ${[...answeredBy].map(([instance, count]) => `${instance} ${count}`).join(", ")} (warm-up and sign-ins before it included)`,
  );
  console.log(`requests sent again after the server closed an idle keep-alive connection under them: ${keepAliveRetries}`);
  console.log(
    `mails: ${mails.received} received by the SMTP server (the seed's ${(WORKERS.gridSave + 1) * (MEMBERS / 2)} among them); outbox at the end: ${JSON.stringify(mails.outbox)}`,
  );
  console.log(`\nRSS of each instance's process tree (launcher + next start), MiB:`);
  console.log(
    `${"".padEnd(12)} ${"after warm-up".padStart(14)} ${"peak".padStart(7)} ${"at the end".padStart(11)} ${`${COOLDOWN_SECONDS} s later`.padStart(12)} ${"end / start".padStart(12)}  stderr lines`,
  );
  memory.forEach((figures, index) => {
    const cells = [figures.afterWarmup, figures.peak, figures.atEnd, figures.afterCooldown].map((value) => value.toFixed(0));
    const widths = [14, 7, 11, 12];
    const line = cells.map((cell, column) => cell.padStart(widths[column]!)).join(" ");
    console.log(
      `instance ${index + 1}   ${line} ${`×${(figures.atEnd / figures.afterWarmup).toFixed(2)}`.padStart(12)}  ${apps[index]!.errorLines()}`,
    );
  });
  const warmupErrorCount = [...warmupErrors.values()].reduce((sum, count) => sum + count, 0);
  if (warmupErrorCount > 0) console.log(`\nwarm-up errors (counted in the verdict too): ${warmupErrorCount}`);
  const problems = [...warmupErrors, ...KINDS.flatMap((kind) => [...outcomes.get(kind)!.problems])];
  for (const [problem, count] of problems.slice(0, 12)) console.log(`  ${count} × ${problem}`);
  const total = errors + warmupErrorCount;
  console.log(`\nverdict: ${total === 0 ? "0 errors" : `${total} errors`} in ${requests} requests`);
  if (total > 0) for (const [index, app] of apps.entries()) console.log(`instance ${index + 1} stderr tail:\n${app.tail().slice(-1_500)}`);
  return total > 0;
}

await main();
