// This machine as the licensing service sees it (R3, R5): a fingerprint that stays the same across
// runs and reinstalls of the client, and a hostname the admin recognises in the device list (R4).
// The fingerprint is the SHA-256 of /etc/machine-id (systemd's stable id) and never the id itself,
// which systemd asks applications not to expose; without it, a random id kept in the state directory.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import os from "node:os";
import { Fingerprint, Hostname } from "@/lib/licensing-api/contract";
import type { ClientStateStore } from "@/clients/desktop/client-state";
import { UsageError } from "@/clients/desktop/usage-error";

export type Machine = { fingerprint: string; hostname: string };

export async function identifyMachine(options: {
  store: ClientStateStore;
  /** Overrides, so one computer can act as several machines (tests, support). */
  fingerprint?: string;
  hostname?: string;
  machineIdFile?: string;
}): Promise<Machine> {
  const fingerprint = options.fingerprint ?? sha256(await machineId(options.store, options.machineIdFile ?? "/etc/machine-id"));
  const hostname = options.hostname ?? os.hostname();
  const checkedFingerprint = Fingerprint.safeParse(fingerprint);
  if (!checkedFingerprint.success)
    throw new UsageError(`--fingerprint must be 16–128 letters, digits, ':', '_' or '-' (got "${fingerprint}")`);
  const checkedHostname = Hostname.safeParse(hostname);
  if (!checkedHostname.success) throw new UsageError(`--hostname must be 1–253 characters (got "${hostname}")`);
  return { fingerprint: checkedFingerprint.data, hostname: checkedHostname.data };
}

async function machineId(store: ClientStateStore, file: string): Promise<string> {
  try {
    const id = (await readFile(file, "utf8")).trim();
    if (id) return id;
  } catch {
    // No systemd machine id (macOS, Windows, some containers): fall back to our own.
  }
  return store.generatedMachineId();
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
