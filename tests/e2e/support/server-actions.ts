// Server actions over HTTP, as a browser calls them: POST to a page that uses the action with its id
// (from the build's server-reference manifest) in the Next-Action header and the arguments in
// React's reply encoding (JSON for plain values). Used by the authorization matrix and the action
// fuzzing (tests/e2e/security/). Also: the app's routes read from app/, and the database's state.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { actionManifest, actionResultOf, routeOf } from "../../fixtures/server-actions";
import { queryDatabase } from "./shop";

export { actionManifest };

export function filesUnder(directory: string, name: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return filesUnder(full, name);
    return entry.name === name ? [full] : [];
  });
}

export const inventory = {
  pages: filesUnder("app", "page.tsx").map(routeOf).sort(),
  routes: filesUnder("app", "route.ts")
    .flatMap((file) => {
      const source = readFileSync(file, "utf8");
      const methods = new Set<string>();
      for (const match of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g))
        methods.add(match[1]!);
      for (const match of source.matchAll(/export \{([^}]*)\}/g))
        for (const name of match[1]!.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(name[1]!);
      return [...methods].map((method) => `${method} ${routeOf(file)}`);
    })
    .sort(),
  actions: filesUnder("app", "actions.ts")
    .flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^export (?:async function|function|const) ([A-Za-z0-9_$]+)/gm)].map(
        (match) => `${path.relative(".", file)}#${match[1]}`,
      ),
    )
    .sort(),
};

/** Calls the action `key` ("app/…/actions.ts#nameAction") with `args`, on its page with `params` filled in. */
export async function callAction(
  request: APIRequestContext,
  key: string,
  args: unknown[],
  params: Record<string, string>,
  options: { raw?: boolean } = {},
): Promise<{ response: APIResponse; text: string }> {
  const entry = actionManifest().get(key);
  if (!entry) throw new Error(`no server action ${key} in the build`);
  const url = entry.page.replace(/\[([A-Za-z]+)\]/g, (_, name: string) => params[name] ?? name);
  const response = await request.post(url, {
    maxRedirects: 0,
    headers: { "Next-Action": entry.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    // React's reply encoding escapes a leading "$" in strings as "$$"; `raw` sends them as references.
    data: options.raw
      ? JSON.stringify(args)
      : JSON.stringify(args, (_, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value)),
  });
  return { response, text: await response.text() };
}

/** "ok", the ActionError code, or what went wrong at the HTTP level. */
export function actionOutcome(response: APIResponse, text: string): string {
  if (response.status() >= 500) return `HTTP ${response.status()}`;
  const result = actionResultOf(text);
  if (!result) return `HTTP ${response.status()} no result`;
  return result.ok ? "ok" : (result.error?.code ?? "no code");
}

/** Tables that record requests as they come (rate limits, sessions seen), and the migrations' own. */
const REQUEST_RECORDS = new Set(["RateLimit", "PortalSession", "_prisma_migrations"]);

/** Every table's content (the list read from the database), bar those that record requests as they come. */
export async function databaseState(): Promise<Record<string, string>> {
  const tables = (
    await queryDatabase<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )
  )
    .map((table) => table.name)
    .filter((name) => !REQUEST_RECORDS.has(name));
  const rows = await queryDatabase<{ name: string; state: string | null }>(
    tables
      // The worker sends mail as it goes: only which messages exist counts.
      .map((table) =>
        table === "EmailMessage"
          ? `SELECT 'EmailMessage' AS name, md5(string_agg("id"::text, ',' ORDER BY "id")) AS state FROM "EmailMessage"`
          : `SELECT '${table}' AS name, md5(string_agg(t::text, ',' ORDER BY t::text)) AS state FROM "${table}" t`,
      )
      .join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.state ?? ""]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}
