// The dump PGlite's pg_dump writes loads on PostgreSQL 14 and later: the lines
// only newer servers and clients understand are dropped where pg_dump writes them, nothing else.
import { expect, test } from "vitest";
import { portableDump } from "@/lib/db/export-embedded-database";

test("drops transaction_timeout from the opening settings and psql's \\restrict guard, and keeps data that reads the same", () => {
  const dump = [
    "--",
    "\\restrict abc123XYZ",
    "SET statement_timeout = 0;",
    "SET transaction_timeout = 0;",
    "SELECT pg_catalog.set_config('search_path', '', false);",
    'CREATE TABLE "public"."Note" ("text" text);',
    'INSERT INTO "public"."Note" VALUES (\'a note',
    "SET transaction_timeout = 0;",
    "\\restrict abc123XYZ');",
    "\\unrestrict abc123XYZ",
    "",
  ].join("\n");
  expect(portableDump(dump)).toBe(
    [
      "--",
      "SET statement_timeout = 0;",
      "SELECT pg_catalog.set_config('search_path', '', false);",
      'CREATE TABLE "public"."Note" ("text" text);',
      'INSERT INTO "public"."Note" VALUES (\'a note',
      "SET transaction_timeout = 0;",
      "\\restrict abc123XYZ');",
      "",
    ].join("\n"),
  );
});
