import { z } from "zod";

// Every primary key is a PostgreSQL uuid. Ids arrive from clients, so a malformed one must be
// refused before it reaches a query (PostgreSQL would raise a cast error instead of "not found").
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const RecordId = z.string().regex(UUID_PATTERN, "must be an id");

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}
