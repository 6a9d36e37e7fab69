// A clear answer when DATABASE_URL points at a server that is not there.
import pg from "pg";

export class DatabaseUnreachableError extends Error {}

export async function assertDatabaseReachable(connectionString: string, timeoutMs = 5_000): Promise<void> {
  const url = new URL(connectionString);
  const where = `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code : String(error);
    throw new DatabaseUnreachableError(
      `Cannot reach PostgreSQL at ${where} (from DATABASE_URL): ${reason}. ` +
        `Check that the server runs and the URL is right, or unset DATABASE_URL to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
