// Reads what a database's `public` schema contains from pg_catalog, as comparable text, so the
// schema-drift test can tell exactly how two databases differ (tests/integration/db/schema-drift.test.ts).
// Each object becomes one entry: a stable key ("column User.email") and a definition string.
import pg from "pg";

export type CatalogKind = "table" | "column" | "enum" | "constraint" | "index" | "sequence" | "view" | "function" | "trigger";

export type CatalogEntry = {
  kind: CatalogKind;
  /** The object's own name (constraint, index, trigger, function, …), as a migration would name it. */
  name: string;
  /** Unique within a catalog: kind plus the qualified name. */
  key: string;
  definition: string;
};

export type Catalog = Map<string, CatalogEntry>;

/** The runner's bookkeeping table exists only where migrations were applied; it is not the app's schema. */
const IGNORED_TABLES = ["_prisma_migrations"];

const queries: Record<CatalogKind, string> = {
  table: `
    SELECT c.relname AS name, c.relname AS qualified, c.relkind::text AS definition
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
  column: `
    SELECT a.attname AS name, c.relname || '.' || a.attname AS qualified,
           format_type(a.atttypid, a.atttypmod)
             || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
             || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
             || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
             || CASE WHEN a.attgenerated <> '' THEN ' GENERATED ' || a.attgenerated::text ELSE '' END
             || COALESCE(' COLLATE ' || NULLIF(co.collname, 'default'), '') AS definition
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      LEFT JOIN pg_collation co ON co.oid = a.attcollation
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped`,
  enum: `
    SELECT t.typname AS name, t.typname AS qualified,
           string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS definition
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE n.nspname = 'public'
     GROUP BY t.typname`,
  // p, u, f, c, x: primary, unique, foreign (with referenced columns and ON DELETE / ON UPDATE), check, exclusion.
  constraint: `
    SELECT con.conname AS name, c.relname || '.' || con.conname AS qualified,
           pg_get_constraintdef(con.oid, true) || CASE WHEN con.convalidated THEN '' ELSE ' NOT VALID' END AS definition
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f', 'c', 'x')`,
  // pg_get_indexdef names the index and its schema; both are dropped so the definition is the
  // structure alone (table, uniqueness, method, columns, predicate). The name stays in the key.
  index: `
    SELECT i.relname AS name, t.relname || '.' || i.relname AS qualified,
           replace(replace(pg_get_indexdef(i.oid), ' ' || quote_ident(i.relname) || ' ON ', ' <name> ON '), 'public.', '')
             AS definition
      FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public'`,
  sequence: `
    SELECT c.relname AS name, c.relname AS qualified, format_type(s.seqtypid, NULL) AS definition
      FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public'`,
  view: `
    SELECT c.relname AS name, c.relname AS qualified, pg_get_viewdef(c.oid, true) AS definition
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')`,
  // Functions that belong to an extension are the extension's, not the schema's.
  function: `
    SELECT p.proname AS name, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS qualified,
           pg_get_function_result(p.oid) || ' ' || l.lanname || ' ' || md5(p.prosrc) AS definition
      FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace
      JOIN pg_language l ON l.oid = p.prolang
     WHERE n.nspname = 'public'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  trigger: `
    SELECT tg.tgname AS name, c.relname || '.' || tg.tgname AS qualified,
           replace(pg_get_triggerdef(tg.oid, true), 'public.', '') AS definition
      FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND NOT tg.tgisinternal`,
};

type Row = { name: string; qualified: string; definition: string };

export async function readCatalog(connectionString: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const catalog: Catalog = new Map();
    for (const [kind, sql] of Object.entries(queries) as [CatalogKind, string][]) {
      const { rows } = await client.query<Row>(sql);
      for (const row of rows) {
        const table = row.qualified.split(".")[0]!;
        if (kind !== "function" && kind !== "enum" && IGNORED_TABLES.includes(table)) continue;
        const key = `${kind} ${row.qualified}`;
        catalog.set(key, { kind, name: row.name, key, definition: row.definition });
      }
    }
    return catalog;
  } finally {
    await client.end();
  }
}

export type CatalogDiff = {
  onlyInA: CatalogEntry[];
  onlyInB: CatalogEntry[];
  changed: { key: string; a: string; b: string }[];
};

export function diffCatalogs(a: Catalog, b: Catalog): CatalogDiff {
  const byKey = (x: CatalogEntry, y: CatalogEntry) => x.key.localeCompare(y.key);
  const onlyInA = [...a.values()].filter((entry) => !b.has(entry.key)).sort(byKey);
  const onlyInB = [...b.values()].filter((entry) => !a.has(entry.key)).sort(byKey);
  const changed = [...a.values()]
    .filter((entry) => b.has(entry.key) && b.get(entry.key)!.definition !== entry.definition)
    .map((entry) => ({ key: entry.key, a: entry.definition, b: b.get(entry.key)!.definition }))
    .sort((x, y) => x.key.localeCompare(y.key));
  return { onlyInA, onlyInB, changed };
}

/**
 * Names of the objects a hand-written migration creates: constraints, indexes, functions and
 * triggers, as they appear between double quotes after the creating keyword.
 */
export function namesCreatedIn(sql: string): Set<string> {
  const withoutComments = sql.replace(/--.*$/gm, "");
  const pattern =
    /(?:ADD\s+CONSTRAINT|CREATE\s+(?:UNIQUE\s+)?INDEX(?:\s+CONCURRENTLY)?(?:\s+IF\s+NOT\s+EXISTS)?|CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|TRIGGER))\s+"([^"]+)"/gi;
  return new Set([...withoutComments.matchAll(pattern)].map((match) => match[1]!));
}

/**
 * The drift between the database the migrations built (A) and the one schema.prisma describes (B):
 * everything that differs, except objects only in A that the hand-written invariants migration
 * creates by name. Empty when the two agree.
 */
export function findDrift(migrations: Catalog, fromSchema: Catalog, invariantsSql: string): CatalogDiff {
  const invariantNames = namesCreatedIn(invariantsSql);
  const diff = diffCatalogs(migrations, fromSchema);
  return { ...diff, onlyInA: diff.onlyInA.filter((entry) => !invariantNames.has(entry.name)) };
}

/** A diff a person can read in a failing test's output; "" when there is none. */
export function formatCatalogDiff(diff: CatalogDiff, labels = { a: "migrations", b: "schema.prisma" }): string {
  const lines = [
    ...diff.onlyInA.map((entry) => `- only in ${labels.a}: ${entry.key}: ${entry.definition}`),
    ...diff.onlyInB.map((entry) => `+ only in ${labels.b}: ${entry.key}: ${entry.definition}`),
    ...diff.changed.map((change) => `~ ${change.key}\n    ${labels.a}: ${change.a}\n    ${labels.b}: ${change.b}`),
  ];
  return lines.join("\n");
}
