import { redirect } from "next/navigation";
import { LAUNCH_TOKEN_PARAMETER } from "@/lib/licensing-api/contract";
import { standInProduct, startStandInSession } from "@/app/(webapp)/_stand-in/stand-in-session";

// The stand-in web application's launch URL (Product.launchUrl of the demo): it receives the launch
// token from /launch/<product>, verifies it with the portal's published key, starts its own session
// and moves on to its workspace, so the token leaves the address bar and the history at once.
export async function GET(request: Request, { params }: { params: Promise<{ product: string }> }): Promise<Response> {
  const product = standInProduct((await params).product);
  if (!product) return new Response("Not found", { status: 404 });
  const token = new URL(request.url).searchParams.get(LAUNCH_TOKEN_PARAMETER);
  let isStarted = false;
  if (token) {
    try {
      await startStandInSession(product, token);
      isStarted = true;
    } catch (error) {
      // Expired, tampered with, for another product, or signed by a stranger: no session.
      console.warn("Stand-in web application: launch token refused", error instanceof Error ? error.message : error);
    }
  }
  redirect(`/apps/${product.slug}/workspace${token && !isStarted ? "?error=launch" : ""}`);
}
