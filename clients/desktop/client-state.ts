// What the reference client remembers between runs, in one directory (default
// ~/.config/license-portal-client): the API session (R5: the login is remembered for 30 days),
// this machine's activations with their license files, its floating seat, the published signing
// keys and, where /etc/machine-id is missing, a generated machine id. The refresh token is a
// credential: the directory is 0700 and every file 0600, written to a temporary file and renamed,
// so a crash mid-write never leaves half a token behind.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { REFRESH_TOKEN_TTL_MS } from "@/lib/licensing-api/contract";

export const STATE_FILE = "state.json";
const JWKS_FILE = "jwks.json";
export const MACHINE_ID_FILE = "machine-id";

const SessionSchema = z.object({
  server: z.string(),
  email: z.string(),
  accessToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  /** When the client forgets the login: the server's refresh-token expiry, never more than 30 days ahead. */
  rememberedUntil: z.string(),
  signedInAt: z.string(),
  /** The machine named at sign-in: signing out releases its seats (the server's rule). */
  fingerprint: z.string().optional(),
});
const StoredActivationSchema = z.object({
  server: z.string(),
  id: z.string(),
  licenseId: z.string(),
  licenseType: z.string(),
  productCode: z.string(),
  productName: z.string(),
  fingerprint: z.string(),
  hostname: z.string(),
  validUntil: z.string(),
  licenseFile: z.string(),
});
const StoredLeaseSchema = z.object({
  server: z.string(),
  id: z.string(),
  licenseId: z.string(),
  productCode: z.string(),
  fingerprint: z.string(),
  expiresAt: z.string(),
  receipt: z.string(),
});
const StateSchema = z.object({
  session: SessionSchema.nullable().default(null),
  activations: z.array(StoredActivationSchema).default([]),
  leases: z.array(StoredLeaseSchema).default([]),
});
const JwksCacheSchema = z.object({ server: z.string(), fetchedAt: z.string(), jwks: z.object({ keys: z.array(z.looseObject({})) }) });

export type StoredSession = z.infer<typeof SessionSchema>;
export type StoredActivation = z.infer<typeof StoredActivationSchema>;
export type StoredLease = z.infer<typeof StoredLeaseSchema>;
export type ClientState = z.infer<typeof StateSchema>;
export type JwksCache = z.infer<typeof JwksCacheSchema>;

const emptyState = (): ClientState => ({ session: null, activations: [], leases: [] });

export class ClientStateStore {
  constructor(readonly directory: string) {}

  /** The state, with a login older than its 30 days already forgotten (and removed from disk). */
  async load(now: Date = new Date()): Promise<ClientState> {
    const raw = await this.readJson(STATE_FILE);
    const parsed = raw === undefined ? null : StateSchema.safeParse(raw);
    const state = parsed?.success ? parsed.data : emptyState();
    if (state.session && !isRemembered(state.session, now)) {
      state.session = null;
      await this.save(state);
    }
    return state;
  }

  async save(state: ClientState): Promise<void> {
    await this.writePrivate(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
  }

  /** Read, change and write the state in one step. */
  async update(change: (state: ClientState) => void, now: Date = new Date()): Promise<ClientState> {
    const state = await this.load(now);
    change(state);
    await this.save(state);
    return state;
  }

  async loadJwks(server: string): Promise<JwksCache | null> {
    const parsed = JwksCacheSchema.safeParse(await this.readJson(JWKS_FILE));
    return parsed.success && parsed.data.server === server ? parsed.data : null;
  }

  async saveJwks(cache: JwksCache): Promise<void> {
    await this.writePrivate(JWKS_FILE, `${JSON.stringify(cache, null, 2)}\n`);
  }

  /** A random id for this machine, generated once and kept, for machines without /etc/machine-id. */
  async generatedMachineId(): Promise<string> {
    try {
      const existing = (await readFile(this.file(MACHINE_ID_FILE), "utf8")).trim();
      if (/^[0-9a-f]{32}$/.test(existing)) return existing;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    const id = randomBytes(16).toString("hex");
    await this.writePrivate(MACHINE_ID_FILE, `${id}\n`);
    return id;
  }

  file(name: string): string {
    return path.join(this.directory, name);
  }

  private async readJson(name: string): Promise<unknown> {
    try {
      const target = this.file(name);
      // Tighten a file someone loosened: it may hold a refresh token.
      if (((await stat(target)).mode & 0o077) !== 0) await chmod(target, 0o600);
      return JSON.parse(await readFile(target, "utf8"));
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  private async writePrivate(name: string, content: string): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    await chmod(this.directory, 0o700);
    const target = this.file(name);
    const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      await writeFile(temporary, content, { mode: 0o600, flag: "wx" });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

/** R5: the login is remembered for 30 days (at most; the server may end it sooner). */
export function rememberedUntil(options: { now: Date; refreshTokenExpiresAt: string }): string {
  const limit = options.now.getTime() + REFRESH_TOKEN_TTL_MS;
  const serverExpiry = Date.parse(options.refreshTokenExpiresAt);
  return new Date(Number.isNaN(serverExpiry) ? limit : Math.min(serverExpiry, limit)).toISOString();
}

function isRemembered(session: StoredSession, now: Date): boolean {
  return Date.parse(session.rememberedUntil) > now.getTime();
}

function isMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT";
}
