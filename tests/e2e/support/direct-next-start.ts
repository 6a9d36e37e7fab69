// A second app process on the run's build, started as `next start` directly (without the launcher
// of `npm start`), for the security specs that need to reach the app from an address other than
// loopback or to see how Next.js on its own treats a request. It shares the project's database.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "@playwright/test";

export type DirectServer = { port: number; output: () => string; stop: () => Promise<void> };

/** This machine's first non-loopback IPv4 address: a request to it comes from it, not from 127.0.0.1. */
export function machineAddress(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    const address = addresses?.find((entry) => entry.family === "IPv4" && !entry.internal);
    if (address) return address.address;
  }
  throw new Error("this machine has no non-loopback IPv4 address");
}

export async function startNextDirectly(options: { port: number; env?: Record<string, string> }): Promise<DirectServer> {
  const databaseUrl = test.info().project.metadata.databaseUrl as string | undefined;
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lp-e2e-direct-"));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(options.port), "--hostname", "0.0.0.0"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        AUTH_SECRET: "e2e-direct-next-start-secret-0123456789abcdef",
        APP_BASE_URL: `http://localhost:${options.port}`,
        NEXTAUTH_URL: `http://localhost:${options.port}`,
        EMAIL_WORKER: "off",
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`http://127.0.0.1:${options.port}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`next start did not answer on ${options.port} within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    port: options.port,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A GET with exactly these headers (fetch will not let a caller set Host), answering status and body. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
  });
}
