import { apiRoute } from "@/lib/api/api-route";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// The API's description, generated from the contract (lib/licensing-api/contract.ts). More routes
// (e.g. /web-sessions) add their operations to lib/api/openapi/api-operations.ts.
export const GET = apiRoute(async () => {
  const document = buildOpenApiDocument({ serverUrl: env().APP_BASE_URL });
  return new Response(JSON.stringify(document), {
    headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" },
  });
});
