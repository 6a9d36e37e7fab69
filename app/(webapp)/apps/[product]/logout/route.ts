import { freeSeat } from "@/app/(webapp)/_stand-in/portal-client";
import { endStandInSession, readStandInSession, standInProduct } from "@/app/(webapp)/_stand-in/stand-in-session";

// "Log out" in the stand-in web application: frees the floating seat at once (R2, DELETE
// /api/v1/web-sessions) and ends the application's own session. The portal session stays.
export async function POST(_request: Request, { params }: { params: Promise<{ product: string }> }): Promise<Response> {
  const product = standInProduct((await params).product);
  if (!product) return new Response("Not found", { status: 404 });
  const launch = await readStandInSession(product);
  // If the portal cannot be reached the seat still lapses within the hour by itself.
  if (launch) await freeSeat(launch);
  await endStandInSession(product);
  return new Response(null, {
    status: 303,
    headers: { Location: `/apps/${product.slug}/workspace?signedOut=1`, "Cache-Control": "no-store" },
  });
}
