import { connection } from "next/server";
import { negotiateApiLocale } from "@/lib/api/api-locale";
import { databaseUnavailableProblem, NO_STORE, problemResponse } from "@/lib/api/problem";
import { checkDatabase } from "@/lib/db/check-database";

// Used by load balancers and the e2e launcher: ok only when the database answers, and within a
// deadline (docs/OPERATIONS.md): a frozen database is a 503 in two seconds, not a request that never ends.
export async function GET(request: Request): Promise<Response> {
  await connection();
  const problem = await checkDatabase();
  if (problem) {
    console.error(`Health check: database unavailable (${problem})`);
    return problemResponse(databaseUnavailableProblem(), negotiateApiLocale(request.headers.get("accept-language")));
  }
  return Response.json({ status: "ok", database: "ok" }, { headers: NO_STORE });
}
