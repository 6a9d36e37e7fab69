// The client's own environment variables. It is a program of its own, not the portal: it never
// reads the portal's configuration (lib/env.ts).
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const ClientEnvironment = z.object({
  /** The password for `sign-in` without a prompt (scripts, CI); `--password-stdin` is the safer way. */
  PORTAL_PASSWORD: z.string().min(1).optional(),
  /** Where the login, the activations and the seats of this machine are kept. */
  LICENSE_PORTAL_CLIENT_STATE_DIR: z
    .string()
    .min(1)
    .default(path.join(os.homedir(), ".config", "license-portal-client")),
});

export type ClientEnvironment = z.infer<typeof ClientEnvironment>;

export function readClientEnvironment(variables: NodeJS.ProcessEnv = process.env): ClientEnvironment {
  const parsed = ClientEnvironment.safeParse({
    PORTAL_PASSWORD: variables.PORTAL_PASSWORD || undefined,
    LICENSE_PORTAL_CLIENT_STATE_DIR: variables.LICENSE_PORTAL_CLIENT_STATE_DIR || undefined,
  });
  if (!parsed.success) throw new Error(`The client's environment is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
