// Server actions over HTTP, as a browser calls them: POST to a page that uses the action with its id
// (from the build's server-reference manifest) in the Next-Action header and the arguments in
// React's reply encoding (JSON for plain values). Used by the authorization matrix and the action
// fuzzing (tests/e2e/security/). Also: the app's routes read from app/, and the database's state.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { queryDatabase } from "./shop";

export function filesUnder(directory: string, name: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return filesUnder(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** app/(portal)/software-management/[groupId]/page.tsx → /software-management/[groupId] */
export function routeOf(file: string): string {
  const segments = path.dirname(path.relative("app", file)).split(path.sep).filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

export const inventory = {
  pages: filesUnder("app", "page.tsx").map(routeOf).sort(),
  routes: filesUnder("app", "route.ts")
    .flatMap((file) => {
      const source = readFileSync(file, "utf8");
      const methods = new Set<string>();
      for (const match of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(match[1]!);
      for (const match of source.matchAll(/export \{([^}]*)\}/g)) for (const name of match[1]!.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(name[1]!);
      return [...methods].map((method) => `${method} ${routeOf(file)}`);
    })
    .sort(),
  actions: filesUnder("app", "actions.ts")
    .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^export (?:async function|function|const) ([A-Za-z0-9_$]+)/gm)].map((match) => `${path.relative(".", file)}#${match[1]}`))
    .sort(),
};

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
export function actionManifest(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestEntry> };
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => {
      const page = Object.keys(entry.workers)[0]!.replace(/\/page$/, "");
      return [`${entry.filename}#${entry.exportedName}`, { id, page: routeOf(`${page}/page.tsx`) }];
    }),
  );
}

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
    data: options.raw ? JSON.stringify(args) : JSON.stringify(args, (_, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value)),
  });
  return { response, text: await response.text() };
}

/** "ok", the ActionError code, or what went wrong at the HTTP level. */
export function actionOutcome(response: APIResponse, text: string): string {
  if (response.status() >= 500) return `HTTP ${response.status()}`;
  const result = /"ok":(true|false)(?:,"error":\{"code":"([A-Z_]+)")?/.exec(text);
  if (!result) return `HTTP ${response.status()} no result`;
  return result[1] === "true" ? "ok" : result[2]!;
}


/** Every table's content, bar those that record requests as they come (rate limits, sessions seen). */
export async function databaseState(): Promise<Record<string, string>> {
  const tables = ["User", "Company", "Membership", "MembershipInvitation", "LicenseGroup", "License", "Assignment", "Device", "Activation", "FloatingLease", "Trial", "Token", "RefreshToken", "AuditEvent", "Order", "OrderLine", "SalesLead", "SigningKey", "LaunchTokenRedemption"];
  const rows = await queryDatabase<{ name: string; state: string | null }>(
    [
      ...tables.map((table) => `SELECT '${table}' AS name, md5(string_agg(t::text, ',' ORDER BY t::text)) AS state FROM "${table}" t`),
      // The worker sends mail as it goes: only which messages exist counts.
      `SELECT 'EmailMessage' AS name, md5(string_agg("id"::text, ',' ORDER BY "id")) AS state FROM "EmailMessage"`,
    ].join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.state ?? ""]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}

