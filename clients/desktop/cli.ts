// The reference desktop client: `npm run client -- <command>`. It acts as the vendor's
// desktop application towards the licensing API: sign in (remembered for 30 days, R5), activate
// this machine with a key (R3, R22), take / extend / release a floating seat (R5), deactivate
// (R4), and verify every signed answer offline with the published keys (verify.ts).
//
// Exit codes: 0 done; 1 refused by the service or not reachable; 2 wrong usage;
// 3 a signed document failed verification (tampered, another key, expired, another machine).
import { parseArgs } from "node:util";
import { activateCommand, deactivateCommand } from "@/clients/desktop/activation-commands";
import { ApiContractError, ApiProblemError } from "@/clients/desktop/api-client";
import { createCommandContext, normalizeServerUrl, type CommandContext, type CommandResult } from "@/clients/desktop/command-context";
import { UsageError } from "@/clients/desktop/usage-error";
import { leaseHeartbeatCommand, leaseReleaseCommand, leaseTakeCommand } from "@/clients/desktop/lease-commands";
import { identifyMachine } from "@/clients/desktop/machine";
import { readClientEnvironment } from "@/clients/desktop/environment";
import { describeProblem } from "@/clients/desktop/problem-messages";
import { NotSignedInError } from "@/clients/desktop/session";
import {
  entitlementsCommand,
  REFUSED_DOCUMENT_EXIT_CODE,
  signInCommand,
  signOutCommand,
  statusCommand,
} from "@/clients/desktop/session-commands";
import { readPassword } from "@/clients/desktop/read-password";
import { SignedDocumentRejectedError } from "@/clients/desktop/verify";

const environment = readClientEnvironment();

const CLIENT_NAME = `License Portal reference client 1.0 (${process.platform})`;

const usage = `Usage: npm run client -- <command> [options]

Commands
  sign-in --server URL --email E [--password-stdin]   sign in; the login is remembered for 30 days
  sign-out                                            end the session (releases its seats)
  activate --key KEY                                  activate this machine with an activation key
  deactivate [--license ID | --activation ID]         remove the activation from this machine
  lease take --license ID                             take (or extend) a floating seat
  lease heartbeat [--license ID]                      extend this machine's seat by one hour
  lease release [--license ID]                        release this machine's seat
  status                                              what this machine holds, verified offline
  entitlements                                        the licenses you may use

Options
  --server URL         the license portal (default: the one you signed in at)
  --state-dir DIR      where the login and license files are kept
                       (default $LICENSE_PORTAL_CLIENT_STATE_DIR or ~/.config/license-portal-client)
  --fingerprint ID     act as the machine with this fingerprint (default: sha256 of /etc/machine-id)
  --hostname NAME      the machine name shown to the administrator (default: this host's name)
  --json               print the result as JSON
The password comes from --password-stdin, $PORTAL_PASSWORD, or a prompt.`;

const optionSpec = {
  server: { type: "string" },
  "state-dir": { type: "string" },
  fingerprint: { type: "string" },
  hostname: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  email: { type: "string" },
  "password-stdin": { type: "boolean", default: false },
  key: { type: "string" },
  license: { type: "string" },
  activation: { type: "string" },
} as const;

type Options = ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>["values"];

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(new UsageError(error instanceof Error ? error.message : String(error)), false);
  }
  const { values: options, positionals } = parsed;
  const command = positionals.join(" ");
  if (options.help || !command) {
    console.log(usage);
    return options.help ? 0 : 2;
  }
  try {
    const run = commandFor(command, options);
    const context = await createCommandContext({
      stateDirectory: options["state-dir"] ?? environment.LICENSE_PORTAL_CLIENT_STATE_DIR,
      server: options.server === undefined ? undefined : normalizeServerUrl(options.server),
      machine: (store) => identifyMachine({ store, fingerprint: options.fingerprint, hostname: options.hostname }),
    });
    const result = await run(context);
    if (options.json) console.log(JSON.stringify(result.data, null, 2));
    else for (const line of result.lines) console.log(line);
    return result.exitCode ?? 0;
  } catch (error) {
    return fail(error, options.json);
  }
}

function commandFor(command: string, options: Options): (context: CommandContext) => Promise<CommandResult> {
  const required = (name: "email" | "key" | "license"): string => {
    const value = options[name];
    if (!value) throw new UsageError(`${command} needs --${name}`);
    return value;
  };
  switch (command) {
    case "sign-in": {
      if (!options.server) throw new UsageError("sign-in needs --server URL");
      const email = required("email");
      return async (context) =>
        signInCommand(context, {
          email,
          password: await readPassword({ fromStdin: options["password-stdin"], fromEnvironment: environment.PORTAL_PASSWORD }),
          clientName: CLIENT_NAME,
        });
    }
    case "sign-out":
      return signOutCommand;
    case "activate": {
      const key = required("key");
      return (context) => activateCommand(context, { key });
    }
    case "deactivate":
      return (context) => deactivateCommand(context, { license: options.license, activation: options.activation });
    case "lease take": {
      const license = required("license");
      return (context) => leaseTakeCommand(context, { license });
    }
    case "lease heartbeat":
      return (context) => leaseHeartbeatCommand(context, { license: options.license });
    case "lease release":
      return (context) => leaseReleaseCommand(context, { license: options.license });
    case "status":
      return statusCommand;
    case "entitlements":
      return entitlementsCommand;
    default:
      throw new UsageError(`Unknown command "${command}". Run with --help for the list.`);
  }
}

function fail(error: unknown, json: boolean): number {
  const { message, exitCode, code } = describeFailure(error);
  console.error(`error: ${message}`);
  if (error instanceof UsageError) console.error("Run with --help for usage.");
  if (json)
    console.log(
      JSON.stringify({ error: { code, message, ...(error instanceof ApiProblemError ? { problem: error.problem } : {}) } }, null, 2),
    );
  return exitCode;
}

function describeFailure(error: unknown): { message: string; exitCode: number; code: string } {
  if (error instanceof ApiProblemError) return { message: describeProblem(error.problem), exitCode: 1, code: error.problem.code };
  if (error instanceof SignedDocumentRejectedError) {
    return {
      message: `${error.message}. Nothing was stored; this is not a trustworthy answer of the licensing service.`,
      exitCode: REFUSED_DOCUMENT_EXIT_CODE,
      code: error.reason,
    };
  }
  if (error instanceof UsageError) return { message: error.message, exitCode: 2, code: "USAGE" };
  if (error instanceof NotSignedInError) return { message: error.message, exitCode: 1, code: "NOT_SIGNED_IN" };
  if (error instanceof ApiContractError) return { message: error.message, exitCode: 1, code: "CONTRACT" };
  return { message: error instanceof Error ? error.message : String(error), exitCode: 1, code: "ERROR" };
}

// `npm run client -- status | head -1`: a reader that stops early is no error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
