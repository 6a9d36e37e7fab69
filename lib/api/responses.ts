// Successful answers of the API: JSON typed by the contract, never cached.
import "server-only";
import type { z } from "zod";
import { NO_STORE } from "@/lib/api/problem";

export function jsonResponse<Schema extends z.ZodType>(
  _schema: Schema,
  body: z.input<Schema>,
  options: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: options.status ?? 200,
    headers: { "Content-Type": "application/json", ...NO_STORE, ...options.headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}
