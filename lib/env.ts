// The one place that reads process.env, validated once at start: a misconfigured instance stops naming the
// variable. Each variable is described in README.md, "Configuration".
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
    DATABASE_URL: postgresUrl.optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().trim().min(1).default("127.0.0.1"),
    DATA_DIR: z.string().default("data"),
    EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    APP_BASE_URL: z.url().optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SEED_DEMO: z.enum(["true", "false", "1", "0", "yes", "no", "force"]).optional(),
    TRUST_PROXY: booleanFlag.default(false),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    // Default: twice DATABASE_POOL_SIZE, so an admitted request waits for at most one other per connection.
    API_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).optional(),
    PAGE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(128),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
    DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(20_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Set by the launcher for the Next.js child (not for people to set). */
    DATABASE_IS_EMBEDDED: booleanFlag.default(false),
    SMTP_URL: smtpUrl.optional(),
    SMTP_FROM: z.string().trim().min(3).optional(),
    SMTP_REQUIRE_TLS: booleanFlag.default(false),
    SMTP_TLS_REJECT_UNAUTHORIZED: booleanFlag.default(true),
    SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
    EMAIL_TRANSPORT: z.enum(["smtp", "mailbox"]).optional(),
    MAILBOX: onOffFlag.optional(),
    EMAIL_WORKER: onOffFlag.default(true),
    EMAIL_WORKER_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
    EMAIL_WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    PWNED_PASSWORDS_URL: z.url().optional(),
    PWNED_PASSWORDS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
    SELLER_NAME: z.string().trim().min(1).default("Licentieportaal B.V. (demo)"),
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
      /** Seed even where the launcher would refuse (assertDemoSeedAllowed). */
      SEED_DEMO_FORCED: raw.SEED_DEMO === "force",
      API_MAX_IN_FLIGHT: raw.API_MAX_IN_FLIGHT ?? 2 * raw.DATABASE_POOL_SIZE,
      MAILBOX: raw.MAILBOX ?? !isServerDatabaseInProduction(raw),
      EMAIL_TRANSPORT: raw.EMAIL_TRANSPORT ?? (raw.SMTP_URL ? "smtp" : "mailbox"),
      SMTP_FROM: raw.SMTP_FROM ?? `"License Portal" <no-reply@${mailDomain(new URL(appBaseUrl).hostname)}>`,
      isProduction: raw.NODE_ENV === "production",
    };
  });

function isServerDatabaseInProduction(raw: { NODE_ENV: string; DATABASE_URL?: string; DATABASE_IS_EMBEDDED: boolean }): boolean {
  return raw.NODE_ENV === "production" && raw.DATABASE_URL !== undefined && !raw.DATABASE_IS_EMBEDDED;
}

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

/** Exported for tests. */
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
