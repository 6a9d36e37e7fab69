// The command-line entry points' frame: known errors print their message alone, anything else its stack.
import { EnvError } from "@/lib/env";
import { EmbeddedDatabaseError } from "@/lib/db/embedded";
import { MigrationError } from "@/lib/db/migrate";
import { DatabaseUnreachableError } from "@/lib/db/reachability";

const knownErrors = [EnvError, EmbeddedDatabaseError, MigrationError, DatabaseUnreachableError];

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (knownErrors.some((known) => error instanceof known)) {
      console.error(`\n✖ ${(error as Error).message}\n`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
