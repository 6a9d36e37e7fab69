// `npm run db:export`: a plain-SQL dump of the embedded database (with its migration history) that `psql -f`
// loads into an empty PostgreSQL 14+ database, made by PGlite's own pg_dump (docs/OPERATIONS.md).
import { writeFile } from "node:fs/promises";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

/**
 * Drops what an older server or psql refuses: `SET transaction_timeout` (17+) in the opening settings and
 * the `\restrict` guard (pg_dump 18.1+) on the first and last line; data lines that read the same stay.
 */
export function portableDump(sql: string): string {
  const lines = sql.split("\n");
  const isRestrict = (line: string | undefined, word: string) => line !== undefined && new RegExp(`^\\\\${word} \\S+$`).test(line);
  const first = lines.findIndex((line) => line.trim() !== "" && !line.startsWith("--"));
  if (isRestrict(lines[first], "restrict")) lines.splice(first, 1);
  let last = lines.length - 1;
  while (last >= 0 && (lines[last]!.trim() === "" || lines[last]!.startsWith("--"))) last--;
  if (isRestrict(lines[last], "unrestrict")) lines.splice(last, 1);
  // The opening settings: everything before the first statement that is not a SET or set_config.
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === "" || line.startsWith("--")) continue;
    if (!/^(SET |SELECT pg_catalog\.set_config\()/.test(line)) break;
    if (line === "SET transaction_timeout = 0;") lines.splice(index--, 1);
  }
  return lines.join("\n");
}

export async function exportEmbeddedDatabase(options: { dataDir: string; out: string }): Promise<{ bytes: number }> {
  const embedded = await startEmbeddedDatabase({ dataDir: options.dataDir });
  try {
    // No owners or grants: the server's user that runs `psql -f` owns what it creates.
    const dump = await pgDump({ pg: embedded.pglite, args: ["--no-owner", "--no-privileges", "--quote-all-identifiers"] });
    const sql = portableDump(await dump.text());
    await writeFile(options.out, sql, { mode: 0o600 });
    return { bytes: Buffer.byteLength(sql) };
  } finally {
    await embedded.stop();
  }
}
