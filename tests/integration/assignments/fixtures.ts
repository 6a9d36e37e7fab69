// Shared setup of the assignment tests that run saves concurrently: a second connection pool
// standing for a second app instance, and the admin's "reload and save again" loop of R26.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll } from "vitest";
import type { AssignmentChange } from "@/lib/assignments/assignment-change";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { createDb } from "@/lib/db/client";
import { isDomainError, type DomainErrorCode } from "@/lib/errors";
import type { TestDatabase } from "../../setup/test-database";

/** A second PrismaClient (own pool) on the file's database, opened after it exists. */
export function useSecondPool(database: TestDatabase): { client: PrismaClient } {
  const handle = {} as { client: PrismaClient };
  beforeAll(() => {
    handle.client = createDb(database.url);
  });
  afterAll(async () => {
    await handle.client?.$disconnect();
  });
  return handle;
}

export const WAIT_LIKE_THE_APP = { maxWait: 20_000, timeout: 30_000 } as const;

export async function readGroupVersion(client: PrismaClient, groupId: string): Promise<number> {
  // Read inside a transaction: pglite-socket 0.2.17 can interleave the protocol messages of
  // concurrent statements outside transactions on different connections (see decision 001).
  // The embedded database runs one transaction at a time, so under 50 parallel saves the wait for
  // a turn is long: the limits are the app's own (lib/transactions/run-in-transaction.ts).
  const group = await client.$transaction(
    (transaction) => transaction.licenseGroup.findUniqueOrThrow({ where: { id: groupId }, select: { version: true } }),
    WAIT_LIKE_THE_APP,
  );
  return group.version;
}

export type SaveOutcome = "saved" | DomainErrorCode;

/**
 * What the grid does after "someone else changed this group" (R26): reload the version and save
 * the same change again. Any other refusal ends the attempt and is returned as its code.
 */
export async function saveRetryingOnConflict(options: {
  client: PrismaClient;
  actor: Parameters<typeof saveAssignments>[0]["actor"];
  groupId: string;
  changes: AssignmentChange[];
  maxAttempts: number;
}): Promise<SaveOutcome> {
  for (let attempt = 0; attempt < options.maxAttempts; attempt++) {
    const expectedVersion = await readGroupVersion(options.client, options.groupId);
    try {
      await saveAssignments({
        actor: options.actor,
        groupId: options.groupId,
        expectedVersion,
        changes: options.changes,
        db: options.client,
      });
      return "saved";
    } catch (error) {
      if (isDomainError(error, "CONFLICT")) continue;
      if (isDomainError(error)) return error.code;
      throw error;
    }
  }
  return "CONFLICT";
}
