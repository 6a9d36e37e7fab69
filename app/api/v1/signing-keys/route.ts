import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/responses";
import { JwksResponse } from "@/lib/licensing-api/contract";
import { publishedJwks } from "@/lib/signing/signing-keys";

export const dynamic = "force-dynamic";

// R30: the public keys that verify license files, lease receipts and launch tokens offline (decision
// 009). Public and the same for everyone, so caches may keep it a few minutes: a verifier that meets
// an unknown key id (a rotation since) fetches the set again.
export const GET = apiRoute(async ({ clock }) => {
  const jwks = await publishedJwks({ clock });
  return jsonResponse(JwksResponse, jwks, {
    headers: { "Cache-Control": "public, max-age=300", "Content-Type": "application/jwk-set+json" },
  });
});
