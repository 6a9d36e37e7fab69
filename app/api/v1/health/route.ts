import { connection } from "next/server";
import { db } from "@/lib/db/client";
import { problem } from "@/app/api/v1/problem";

// Used by load balancers and the e2e launcher: answers ok only when the database answers.
export async function GET(): Promise<Response> {
  await connection();
  try {
    await db().$queryRaw`SELECT 1`;
  } catch (error) {
    console.error("Health check: database unreachable", error);
    return problem(503, { code: "DATABASE_UNAVAILABLE" });
  }
  return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
