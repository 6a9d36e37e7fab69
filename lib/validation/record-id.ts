import { z } from "zod";

// A malformed id is refused before a query, where PostgreSQL would raise a cast error instead of "not found".
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const RecordId = z.string().regex(UUID_PATTERN, "must be an id");

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}
