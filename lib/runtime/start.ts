// `npm start` / `npm run dev`: configuration, the database (DATABASE_URL's or the embedded one), migrations
// and demo seed, a build if there is none, then Next.js as a child; Ctrl-C stops Next.js before PGlite.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { env, EnvError, processEnvironment, type Env } from "@/lib/env";
import { assertPortFree, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { assertDatabaseReachable } from "@/lib/db/reachability";
import { runCli } from "@/lib/runtime/cli";
import { resolveAuthSecret } from "@/lib/runtime/auth-secret";
import { seedIfEmpty } from "@/lib/runtime/seed-if-empty";

const isDev = process.argv.includes("--dev");
const startedAt = performance.now();
const nextBin = path.resolve("node_modules", "next", "dist", "bin", "next");

function log(line: string): void {
  console.log(`[start] ${line}`);
}

await runCli(async () => {
  const config = env();
  assertDemoSeedAllowed(config);
  const authSecret = await resolveAuthSecret(config);
  await assertPortFree(config.PORT, config.HOSTNAME, "set PORT to serve the app on another port");

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl: string;
  if (config.DATABASE_URL) {
    await assertDatabaseReachable(config.DATABASE_URL);
    databaseUrl = config.DATABASE_URL;
    log(`database: PostgreSQL at ${new URL(databaseUrl).host}`);
  } else {
    embedded = await startEmbeddedDatabase({ dataDir: config.DATA_DIR, port: config.EMBEDDED_DB_PORT });
    databaseUrl = embedded.url;
    log(
      `database: embedded PGlite in ${path.join(config.DATA_DIR, "pgdata")} (${embedded.isNew ? "new" : "existing"}), served on 127.0.0.1:${embedded.port}`,
    );
  }
  const stopDatabase = async () => {
    await embedded?.stop();
  };

  try {
    const migrated = await migrate({ connectionString: databaseUrl, log: (line) => log(line) });
    log(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied} already in place`);
    const logins = config.SEED_DEMO ? await seedIfEmpty({ databaseUrl, log }) : [];

    if (!isDev && !existsSync(path.resolve(".next", "BUILD_ID"))) {
      log("no production build found: running `next build` (about a minute, once)");
      await runToCompletion(
        spawn(process.execPath, [nextBin, "build"], {
          stdio: "inherit",
          env: childEnv(config, databaseUrl, authSecret, embedded !== null),
        }),
      );
    }

    const server = spawn(
      process.execPath,
      [nextBin, isDev ? "dev" : "start", "--port", String(config.PORT), "--hostname", config.HOSTNAME],
      { stdio: "inherit", env: childEnv(config, databaseUrl, authSecret, embedded !== null) },
    );
    handleShutdown(server, stopDatabase);
    await waitUntilServing(config, server);
    // The ready line last: whoever waits for it already has every line above it.
    if (logins.length > 0) {
      console.log("\nDemo logins:");
      console.table(logins);
    }
    log(`ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s: ${config.APP_BASE_URL}`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
});

/** The demo passwords are published, so production seeds a server database only with SEED_DEMO=force. */
function assertDemoSeedAllowed(config: Env): void {
  const isProduction = !isDev || config.isProduction;
  if (config.SEED_DEMO && config.DATABASE_URL && isProduction && !config.SEED_DEMO_FORCED) {
    throw new EnvError(
      "SEED_DEMO would create the demo accounts, whose passwords are published, in a production server database. " +
        "Unset SEED_DEMO, or set SEED_DEMO=force if this database is a demo.",
    );
  }
}

function childEnv(config: Env, databaseUrl: string, authSecret: string, isEmbedded: boolean): NodeJS.ProcessEnv {
  return {
    ...processEnvironment(),
    NODE_ENV: isDev ? "development" : "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    NEXTAUTH_SECRET: authSecret,
    NEXTAUTH_URL: config.APP_BASE_URL,
    APP_BASE_URL: config.APP_BASE_URL,
    // The embedded database runs in this process: it is never the app's to start again.
    EMBEDDED_DB_PORT: undefined,
    // The app cannot tell the embedded socket's URL from a server's; the mailbox's default needs to.
    DATABASE_IS_EMBEDDED: isEmbedded ? "true" : "false",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

function handleShutdown(server: ChildProcess, stopDatabase: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await stopDatabase();
    log("stopped cleanly");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  server.once("exit", (code, signal) => {
    if (stopping) return;
    stopping = true;
    // Ctrl-C in a terminal signals the whole process group: Next.js may stop before we hear it.
    const isInterrupt = signal === "SIGINT" || signal === "SIGTERM" || code === 0;
    void stopDatabase().then(() => {
      if (isInterrupt) log("stopped cleanly");
      else console.error(`[start] the web server exited (code ${code}); database stopped.`);
      process.exit(isInterrupt ? 0 : (code ?? 1));
    });
  });
}

async function waitUntilServing(config: Env, server: ChildProcess): Promise<void> {
  const url = `http://${reachableHost(config.HOSTNAME)}:${config.PORT}/api/v1/health`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (server.exitCode === null) log(`no answer from ${url} after 180 s; still waiting`);
}

/** An address this process can reach the server at: loopback when it listens on every address. */
function reachableHost(hostname: string): string {
  if (hostname === "0.0.0.0" || hostname === "::") return "127.0.0.1";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}

function runToCompletion(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`\`next build\` failed (exit code ${code})`))));
  });
}
