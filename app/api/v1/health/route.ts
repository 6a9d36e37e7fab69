import { connection } from "next/server";
import { negotiateApiLocale } from "@/lib/api/api-locale";
import { ApiProblem, NO_STORE, problemResponse } from "@/lib/api/problem";
import { db } from "@/lib/db/client";

// Used by load balancers and the e2e launcher: answers ok only when the database answers.
export async function GET(request: Request): Promise<Response> {
  await connection();
  try {
    await db().$queryRaw`SELECT 1`;
  } catch (error) {
    console.error("Health check: database unreachable", error);
    return problemResponse(new ApiProblem("DATABASE_UNAVAILABLE"), negotiateApiLocale(request.headers.get("accept-language")));
  }
  return Response.json({ status: "ok", database: "ok" }, { headers: NO_STORE });
}
