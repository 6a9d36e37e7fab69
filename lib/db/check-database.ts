// The health check: does the database answer `SELECT 1` within a deadline?
import "server-only";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { databaseErrorLine } from "@/lib/db/database-unavailable";

export const HEALTH_DEADLINE_MS = 2_000;

/** null when the database answered in time; otherwise what went wrong, for the log. */
export async function checkDatabase(options: { db?: DbClient; deadlineMs?: number } = {}): Promise<string | null> {
  const deadlineMs = options.deadlineMs ?? HEALTH_DEADLINE_MS;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${deadlineMs} ms`), deadlineMs);
  });
  const answer = (options.db ?? processDb()).$queryRaw`SELECT 1`.then(
    () => null,
    (error: unknown) => databaseErrorLine(error),
  );
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
