// Issue 15 proof: two app instances on one PostgreSQL database behind a real reverse proxy (nginx
// from Debian, started here), as a vendor runs them. Whichever instance answers, a browser signs
// in and stays signed in, and the account lockout counts every attempt. (Seat races across two
// instances: tests/integration/api/seat-safety.test.ts.) The instances run on E2E_PORT + 87/88,
// nginx on + 89.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, signIn, USER_EMAIL } from "./support/demo";
import { launch, stop, waitForHealth, type Launcher } from "./support/launcher";

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const [firstPort, secondPort, proxyPort] = [87, 88, 89].map((offset) => Number(process.env.E2E_PORT ?? 3100) + offset) as [number, number, number];
const base = `http://127.0.0.1:${proxyPort}`;
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

test.describe.configure({ mode: "serial" });

let directory: string;
let database: string;
let instances: Launcher[] = [];
let nginx: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  directory = await mkdtemp(path.join(os.tmpdir(), "lp-e2e-nginx-"));
  database = `lp_e2e_nginx_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const env = { DATABASE_URL: url.toString(), AUTH_SECRET: "e2e-two-instances-secret-0123456789abcdef", SEED_DEMO: "force", TRUST_PROXY: "true", APP_BASE_URL: base };
  instances = [launch({ ...env, PORT: String(firstPort) }), launch({ ...env, PORT: String(secondPort) })];
  await Promise.all([waitForHealth(firstPort, instances[0]!), waitForHealth(secondPort, instances[1]!)]);

  // Round robin over both; the answering instance is named in a header, so the test can tell.
  const config = `
worker_processes 1;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${directory}/body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  upstream portal { server 127.0.0.1:${firstPort}; server 127.0.0.1:${secondPort}; keepalive 8; }
  server {
    listen 127.0.0.1:${proxyPort};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header X-Upstream $upstream_addr always;
    }
  }
}`;
  await writeFile(path.join(directory, "nginx.conf"), config);
  nginx = spawn(NGINX, ["-p", directory, "-c", path.join(directory, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  nginx.stderr!.on("data", (chunk) => (output += chunk));
  await expect
    .poll(async () => (await fetch(`${base}/api/v1/health`).catch(() => null))?.status ?? 0, { timeout: 15_000, message: `nginx: ${output}` })
    .toBe(200);
});

test.afterAll(async () => {
  nginx?.kill("SIGQUIT");
  await Promise.all(instances.map(stop));
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  await rm(directory, { recursive: true, force: true });
});

async function upstreamsOf(requests: number, path = "/api/v1/health"): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let index = 0; index < requests; index++) seen.add((await fetch(`${base}${path}`)).headers.get("x-upstream") ?? "");
  return seen;
}

test("both instances answer through nginx", async () => {
  expect(await upstreamsOf(6)).toEqual(new Set([`127.0.0.1:${firstPort}`, `127.0.0.1:${secondPort}`]));
});

test("a browser signs in and stays signed in whichever instance answers each page", async ({ page }) => {
  await signIn(page, USER_EMAIL, undefined, { baseUrl: base });
  const answeredBy = new Set<string>();
  for (let index = 0; index < 6; index++) {
    const response = await page.goto(`${base}/my-software`);
    answeredBy.add(response?.headers()["x-upstream"] ?? "");
    await expect(page.getByRole("heading", { level: 1, name: "Mijn software" })).toBeVisible();
  }
  expect(answeredBy.size).toBe(2);
});

test("the account lockout counts attempts on both instances: once the limit is reached every instance refuses", async ({ request }) => {
  const attempt = (password: string) => request.post(`${base}/api/v1/sessions`, { data: { email: "admin@demo.example", password, client: "E2E nginx" } });
  // The per-account limit ("sign-in-account" in lib/rate-limit/rate-limits.ts, a server-only
  // module): 5 attempts, the last of which locks, so four wrong passwords are answered 401.
  const points = 5;
  const answers: { status: number; upstream: string }[] = [];
  for (let index = 0; index < points; index++) {
    const response = await attempt(`wrong-password-${index}`);
    answers.push({ status: response.status(), upstream: response.headers()["x-upstream"] ?? "" });
  }
  expect(answers.map((answer) => answer.status)).toEqual([...Array<number>(points - 1).fill(401), 429]);
  expect(new Set(answers.map((answer) => answer.upstream)).size).toBe(2);
  // Locked now, on either instance — even with the right password.
  for (let index = 0; index < 2; index++) {
    const locked = await attempt(DEMO_PASSWORD);
    expect(locked.status()).toBe(429);
    expect(((await locked.json()) as { code: string }).code).toBe("RATE_LIMITED");
  }
});
