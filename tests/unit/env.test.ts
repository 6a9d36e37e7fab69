// lib/env.ts: the defaults a fresh clone runs with, and errors that name the variable to fix.
import path from "node:path";
import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const SERVER_URL = "postgresql://portal@db.internal:5432/portal";

function errorOf(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe("parseEnv defaults", () => {
  test("the licensing API takes on twice as many requests as the database pool has connections, unless told otherwise", () => {
    expect(parseEnv({}).API_MAX_IN_FLIGHT).toBe(20);
    expect(parseEnv({ DATABASE_POOL_SIZE: "25" }).API_MAX_IN_FLIGHT).toBe(50);
    expect(parseEnv({ DATABASE_POOL_SIZE: "25", API_MAX_IN_FLIGHT: "64" }).API_MAX_IN_FLIGHT).toBe(64);
    expect(errorOf({ API_MAX_IN_FLIGHT: "0" }).message).toContain("API_MAX_IN_FLIGHT");
  });

  test("an empty environment runs the embedded database on port 3000 with demo data", () => {
    const env = parseEnv({});

    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      HOSTNAME: "127.0.0.1",
      EMBEDDED_DB_PORT: 0,
      APP_BASE_URL: "http://localhost:3000",
      SEED_DEMO: true,
      TRUST_PROXY: false,
      DATABASE_POOL_SIZE: 10,
      LOG_LEVEL: "info",
      isProduction: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.DATA_DIR).toBe(path.resolve("data"));
  });

  test("with DATABASE_URL demo data is off unless asked for", () => {
    expect(parseEnv({ DATABASE_URL: SERVER_URL })).toMatchObject({ DATABASE_URL: SERVER_URL, SEED_DEMO: false });
    expect(parseEnv({ DATABASE_URL: SERVER_URL, SEED_DEMO: "true" }).SEED_DEMO).toBe(true);
    expect(parseEnv({ SEED_DEMO: "0" }).SEED_DEMO).toBe(false);
  });

  test("SEED_DEMO=force seeds as true does, and says it was forced", () => {
    expect(parseEnv({ DATABASE_URL: SERVER_URL, SEED_DEMO: "force" })).toMatchObject({ SEED_DEMO: true, SEED_DEMO_FORCED: true });
    expect(parseEnv({ DATABASE_URL: SERVER_URL, SEED_DEMO: "true" })).toMatchObject({ SEED_DEMO: true, SEED_DEMO_FORCED: false });
  });

  test("the mailbox is on for development and the embedded demo, off in production on a server database unless MAILBOX=on", () => {
    expect(parseEnv({}).MAILBOX).toBe(true);
    expect(parseEnv({ NODE_ENV: "production" }).MAILBOX).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: SERVER_URL, DATABASE_IS_EMBEDDED: "true" }).MAILBOX).toBe(true);
    expect(parseEnv({ DATABASE_URL: SERVER_URL }).MAILBOX).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: SERVER_URL }).MAILBOX).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: SERVER_URL, MAILBOX: "on" }).MAILBOX).toBe(true);
    expect(parseEnv({ MAILBOX: "off" }).MAILBOX).toBe(false);
  });

  test("APP_BASE_URL follows PORT unless set, without a trailing slash", () => {
    expect(parseEnv({ PORT: "8080" }).APP_BASE_URL).toBe("http://localhost:8080");
    expect(parseEnv({ PORT: "8080", APP_BASE_URL: "https://licenses.example.com/" }).APP_BASE_URL).toBe("https://licenses.example.com");
  });

  test("empty strings count as unset", () => {
    const env = parseEnv({ PORT: "", DATABASE_URL: "", SEED_DEMO: "" });

    expect(env).toMatchObject({ PORT: 3000, SEED_DEMO: true });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test("values are coerced and DATA_DIR is made absolute", () => {
    const env = parseEnv({ NODE_ENV: "production", PORT: "443", TRUST_PROXY: "yes", DATABASE_POOL_SIZE: "25", DATA_DIR: "var/portal" });

    expect(env).toMatchObject({ isProduction: true, PORT: 443, TRUST_PROXY: true, DATABASE_POOL_SIZE: 25 });
    expect(env.DATA_DIR).toBe(path.resolve("var/portal"));
  });
});

describe("parseEnv errors", () => {
  test.each([
    ["PORT", { PORT: "eighty" }],
    ["PORT", { PORT: "70000" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://db.internal/portal" }],
    ["APP_BASE_URL", { APP_BASE_URL: "not a url" }],
    ["AUTH_SECRET", { AUTH_SECRET: "too-short" }],
    ["SEED_DEMO", { SEED_DEMO: "maybe" }],
    ["MAILBOX", { MAILBOX: "sometimes" }],
    ["TRUST_PROXY", { TRUST_PROXY: "sometimes" }],
    ["DATABASE_POOL_SIZE", { DATABASE_POOL_SIZE: "0" }],
    ["EMBEDDED_DB_PORT", { EMBEDDED_DB_PORT: "-1" }],
    ["LOG_LEVEL", { LOG_LEVEL: "verbose" }],
    ["NODE_ENV", { NODE_ENV: "staging" }],
  ])("an invalid %s is an EnvError naming it", (variable, source) => {
    const error = errorOf(source);

    expect(error.message).toMatch(new RegExp(`^\\s+${variable}: `, "m"));
    expect(error.message).toContain("See .env.example.");
  });

  test("every invalid variable is named at once", () => {
    const error = errorOf({ PORT: "x", LOG_LEVEL: "loud" });

    expect(error.message).toMatch(/^\s+PORT: /m);
    expect(error.message).toMatch(/^\s+LOG_LEVEL: /m);
  });

  test("a short AUTH_SECRET says how long it must be", () => {
    expect(errorOf({ AUTH_SECRET: "x".repeat(31) }).message).toContain("AUTH_SECRET: must be at least 32 characters");
    expect(parseEnv({ AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });
});

describe("email configuration (R27)", () => {
  test("without SMTP_URL mail goes to the local mailbox; with it, over SMTP; the worker runs in the app by default", () => {
    expect(parseEnv({})).toMatchObject({
      EMAIL_TRANSPORT: "mailbox",
      EMAIL_WORKER: true,
      EMAIL_WORKER_POLL_INTERVAL_MS: 5000,
      EMAIL_WORKER_BATCH_SIZE: 20,
      SMTP_FROM: '"License Portal" <no-reply@localhost>',
      SMTP_TLS_REJECT_UNAUTHORIZED: true,
      DATABASE_IS_EMBEDDED: false,
    });
    expect(parseEnv({ SMTP_URL: "smtps://user:pass@mail.example.com:465", APP_BASE_URL: "https://licenses.example.com" })).toMatchObject({
      EMAIL_TRANSPORT: "smtp",
      SMTP_FROM: '"License Portal" <no-reply@licenses.example.com>',
    });
    expect(parseEnv({ EMAIL_WORKER: "off" }).EMAIL_WORKER).toBe(false);
    // A base URL on an IP address: the sender's domain is an address literal, which mail servers accept.
    expect(parseEnv({ APP_BASE_URL: "http://127.0.0.1:3189" }).SMTP_FROM).toBe('"License Portal" <no-reply@[127.0.0.1]>');
    expect(parseEnv({ APP_BASE_URL: "http://[::1]:3189" }).SMTP_FROM).toBe('"License Portal" <no-reply@[IPv6:::1]>');
  });

  test.each([
    ["SMTP_URL", { SMTP_URL: "http://mail.example.com" }],
    ["EMAIL_TRANSPORT", { EMAIL_TRANSPORT: "smtp" }],
    ["EMAIL_TRANSPORT", { EMAIL_TRANSPORT: "carrier-pigeon" }],
    ["EMAIL_WORKER", { EMAIL_WORKER: "sometimes" }],
    ["EMAIL_WORKER_POLL_INTERVAL_MS", { EMAIL_WORKER_POLL_INTERVAL_MS: "10" }],
  ])("an invalid %s is an EnvError naming it", (variable, source) => {
    expect(errorOf(source).message).toMatch(new RegExp(`^\\s+${variable}: `, "m"));
  });
});
