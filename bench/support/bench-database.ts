// A database of the bench's own on a PostgreSQL server: created (after dropping a leftover of the
// same name) before the work, dropped — with the connections still open to it — after it, even
// when the work fails. The name carries the process id, so benches running side by side never meet.
import pg from "pg";

/** Runs `work` with the URL of a fresh database `<prefix>_<pid>` on the server at `serverUrl`. */
export async function withBenchDatabase<T>(serverUrl: string, prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
