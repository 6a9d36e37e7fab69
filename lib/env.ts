// The one place that reads process.env (STYLE.md §8). Validated once, at start, with zod:
// a misconfigured instance stops with a message naming the variable instead of failing later.
import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const onOffFlag = z
  .enum(["on", "off", "true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "on" || value === "true" || value === "1" || value === "yes");

const smtpUrl = z
  .string()
  .trim()
  .refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// URL");

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** PostgreSQL 14+ server. Unset: the embedded PGlite under DATA_DIR is started instead. */
    DATABASE_URL: postgresUrl.optional(),
    /** Port the web app listens on. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Address the web app binds to: loopback unless configured (0.0.0.0 or an interface's address to serve others). */
    HOSTNAME: z.string().trim().min(1).default("127.0.0.1"),
    /** Embedded database files and the generated development secret live here. */
    DATA_DIR: z.string().default("data"),
    /** Port of the embedded database's PostgreSQL protocol server (127.0.0.1 only). 0 picks a free one. */
    EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    /** Absolute base URL used in emails and redirects. Defaults to http://localhost:PORT. */
    APP_BASE_URL: z.url().optional(),
    /** Secret for session cookies and tokens (≥ 32 characters). Required with DATABASE_URL in production. */
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /**
     * Seed demo data (accounts with published passwords) into an empty database. Defaults to true on
     * the embedded database. Refused in production on a server database unless `force`.
     */
    SEED_DEMO: z.enum(["true", "false", "1", "0", "yes", "no", "force"]).optional(),
    /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
    TRUST_PROXY: booleanFlag.default(false),
    /** Connections in each app instance's pool. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * Issue 15: how long a request waits for the database before it is answered 503 — for a new
     * connection or a free one from the pool, for one statement on the server (statement_timeout),
     * for a row lock (lock_timeout), and for any answer at all (a frozen server answers nothing).
     */
    /** Issue 15: licensing API requests one instance works on at once; more are answered 503 OVERLOADED. */
    // Default: twice DATABASE_POOL_SIZE, so an admitted request waits for at most one other per connection.
    API_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).optional(),
    /** Issue 15: page, server action and portal route requests one process works on at once; more get a 503 page that retries. */
    PAGE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(128),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
    DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(20_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Set by the launcher for the Next.js child when the database is the embedded PGlite (not for people to set). */
    DATABASE_IS_EMBEDDED: booleanFlag.default(false),
    /** Outgoing mail server, smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS). */
    SMTP_URL: smtpUrl.optional(),
    /** From header of every email. Defaults to "License Portal" <no-reply@host of APP_BASE_URL>. */
    SMTP_FROM: z.string().trim().min(3).optional(),
    /** Refuse to send unless the connection is upgraded with STARTTLS. */
    SMTP_REQUIRE_TLS: booleanFlag.default(false),
    /** Verify the mail server's certificate; false only for a test server with a self-signed one. */
    SMTP_TLS_REJECT_UNAUTHORIZED: booleanFlag.default(true),
    /** Parallel connections of the pooled SMTP transport. */
    SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
    /** smtp | mailbox. Default: smtp when SMTP_URL is set, else the local mailbox under DATA_DIR/mailbox. */
    EMAIL_TRANSPORT: z.enum(["smtp", "mailbox"]).optional(),
    /**
     * The in-app mailbox at /mailbox (mailbox transport only), which answers only to this machine:
     * on | off. Default: on, except in production on a server database (docs/decisions/015).
     */
    MAILBOX: onOffFlag.optional(),
    /** Run the email delivery worker inside the web app: on | off (off when `npm run worker` runs it). */
    EMAIL_WORKER: onOffFlag.default(true),
    /** How often the worker looks for due emails, in milliseconds. */
    EMAIL_WORKER_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
    /** Emails the worker claims and sends per round. */
    EMAIL_WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    /**
     * Base URL of a Pwned Passwords range API (https://api.pwnedpasswords.com, or a mirror): new
     * passwords it lists are refused. Unset: not asked. Fail-open when it does not answer in time.
     */
    PWNED_PASSWORDS_URL: z.url().optional(),
    /** How long a new password waits for the Pwned Passwords answer, in milliseconds. */
    PWNED_PASSWORDS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
    /** The seller printed on every invoice (decision 021); the defaults name a demo company. */
    SELLER_NAME: z.string().trim().min(1).default("Licentieportaal B.V. (demo)"),
    /** The seller's address, its lines separated by ";". */
    SELLER_ADDRESS: z.string().trim().min(1).default("Voorbeeldstraat 1; 1012 AB Amsterdam; Nederland"),
    SELLER_VAT_NUMBER: z.string().trim().min(1).default("NL000000000B01"),
    SELLER_IBAN: z.string().trim().min(1).default("NL00 DEMO 0000 0000 00"),
  })
  .refine((raw) => raw.EMAIL_TRANSPORT !== "smtp" || raw.SMTP_URL !== undefined, {
    path: ["EMAIL_TRANSPORT"],
    message: "is smtp, but SMTP_URL is not set",
  })

  .transform((raw) => {
    const appBaseUrl = (raw.APP_BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, "");
    return {
      ...raw,
      DATA_DIR: path.resolve(raw.DATA_DIR),
      APP_BASE_URL: appBaseUrl,
      SEED_DEMO: raw.SEED_DEMO === undefined ? raw.DATABASE_URL === undefined : ["true", "1", "yes", "force"].includes(raw.SEED_DEMO),
      /** SEED_DEMO=force: seed even where the launcher would refuse (assertDemoSeedAllowed in lib/runtime/start.ts). */
      SEED_DEMO_FORCED: raw.SEED_DEMO === "force",
      API_MAX_IN_FLIGHT: raw.API_MAX_IN_FLIGHT ?? 2 * raw.DATABASE_POOL_SIZE,
      MAILBOX: raw.MAILBOX ?? !isServerDatabaseInProduction(raw),
      EMAIL_TRANSPORT: raw.EMAIL_TRANSPORT ?? (raw.SMTP_URL ? "smtp" : "mailbox"),
      SMTP_FROM: raw.SMTP_FROM ?? `"License Portal" <no-reply@${mailDomain(new URL(appBaseUrl).hostname)}>`,
      isProduction: raw.NODE_ENV === "production",
    };
  });

/** Production on a PostgreSQL server, as opposed to a development run or the embedded demo database. */
function isServerDatabaseInProduction(raw: { NODE_ENV: string; DATABASE_URL?: string; DATABASE_IS_EMBEDDED: boolean }): boolean {
  return raw.NODE_ENV === "production" && raw.DATABASE_URL !== undefined && !raw.DATABASE_IS_EMBEDDED;
}

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

/** Parses a given environment; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For launchers that hand configuration to child processes (lib/runtime). */
export function processEnvironment(): NodeJS.ProcessEnv {
  return process.env;
}

/** A host as the domain of an address: an IP address is written as an address literal (RFC 5321 §4.1.3). */
function mailDomain(hostname: string): string {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)) return `[${hostname}]`;
  if (hostname.startsWith("[")) return `[IPv6:${hostname.slice(1, -1)}]`;
  return hostname;
}
