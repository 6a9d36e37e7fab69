// What every command of the reference client works with: the state directory, the API of one
// server, the remembered session, the published keys and this machine. Built once per run by the
// CLI (cli.ts), or by a test with a fake fetch and a temporary directory.
import { LicensingApiClient } from "@/clients/desktop/api-client";
import { ClientStateStore } from "@/clients/desktop/client-state";
import type { Machine } from "@/clients/desktop/machine";
import { PublishedKeys } from "@/clients/desktop/published-keys";
import { ApiSession, NotSignedInError } from "@/clients/desktop/session";
import { UsageError } from "@/clients/desktop/usage-error";

export type CommandContext = {
  store: ClientStateStore;
  api: LicensingApiClient;
  session: ApiSession;
  keys: PublishedKeys;
  /** The same keys, never fetched: for checks that must work without the network (status). */
  offlineKeys: PublishedKeys;
  machine: Machine;
  now: () => Date;
};

/** Whether a stored activation or seat belongs to this machine at the server this run talks to. */
export function isOnThisMachine(
  record: { server: string; fingerprint: string },
  context: Pick<CommandContext, "api" | "machine">,
): boolean {
  return record.server === context.api.server && record.fingerprint === context.machine.fingerprint;
}

/** Human-readable lines, and the same facts as data for --json. */
export type CommandResult = { lines: string[]; data: Record<string, unknown>; exitCode?: number };

export async function createCommandContext(options: {
  stateDirectory: string;
  /** --server; without it, the server of the remembered login. */
  server?: string;
  machine: (store: ClientStateStore) => Promise<Machine>;
  fetchFunction?: typeof fetch;
  now?: () => Date;
}): Promise<CommandContext> {
  const now = options.now ?? (() => new Date());
  const store = new ClientStateStore(options.stateDirectory);
  const server = options.server ?? (await store.load(now())).session?.server;
  if (!server) throw new NotSignedInError("Not signed in: run `sign-in --server URL --email E` first.");
  const api = new LicensingApiClient(normalizeServerUrl(server), options.fetchFunction);
  return {
    store,
    api,
    session: new ApiSession(store, api, now),
    keys: new PublishedKeys(store, api),
    offlineKeys: new PublishedKeys(store, api, { offline: true }),
    machine: await options.machine(store),
    now,
  };
}

export function normalizeServerUrl(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`--server must be a URL such as https://licenses.example.com (got "${server}")`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new UsageError("--server must be an http(s) URL");
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
