// The one place that reads process.env (STYLE.md §8). Validated once, at start, with zod:
// a misconfigured instance stops with a message naming the variable instead of failing later.
import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((value) => value === "true" || value === "1" || value === "yes");

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
    /** Host the web app binds to. */
    HOSTNAME: z.string().default("0.0.0.0"),
    /** Embedded database files and the generated development secret live here. */
    DATA_DIR: z.string().default("data"),
    /** Port of the embedded database's PostgreSQL protocol server (127.0.0.1 only). 0 picks a free one. */
    EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    /** Absolute base URL used in emails and redirects. Defaults to http://localhost:PORT. */
    APP_BASE_URL: z.url().optional(),
    /** Secret for session cookies and tokens (≥ 32 characters). Required with DATABASE_URL in production. */
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Seed demo data into an empty database. Defaults to true on the embedded database. */
    SEED_DEMO: booleanFlag.optional(),
    /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
    TRUST_PROXY: booleanFlag.default(false),
    /** Connections in each app instance's pool. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .transform((raw) => ({
    ...raw,
    DATA_DIR: path.resolve(raw.DATA_DIR),
    APP_BASE_URL: (raw.APP_BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ""),
    SEED_DEMO: raw.SEED_DEMO ?? raw.DATABASE_URL === undefined,
    isProduction: raw.NODE_ENV === "production",
  }));

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
