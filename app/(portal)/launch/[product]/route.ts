import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { browserSessionCookie, isBrowserSessionId, newBrowserSessionId } from "@/lib/launch/browser-session";
import { launchProduct } from "@/lib/launch/launch-product";
import { productCodeOfSlug } from "@/lib/launch/launch-slug";
import { issueLaunchToken, launchRedirectUrl } from "@/lib/launch/launch-token";
import { getSessionUser, requestIpAddress } from "@/app/session";

// GET /launch/<product> (R1, R2, R20, R22, R23): "Open" in My software and "Let's get started" in
// license mails lead here. The signed-in user is sent on to the product with a launch token, or,
// when every floating seat is taken, to a page saying until when.
export async function GET(request: Request, { params }: { params: Promise<{ product: string }> }): Promise<Response> {
  // The client router fetches a link's target as RSC before navigating. A launch has effects (a
  // seat, a trial, a token), so only the browser's own navigation launches: an answer that is not
  // RSC makes the router fall back to exactly that.
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch")) return new Response(null, { status: 204 });

  const { product: slug } = await params;
  const productCode = productCodeOfSlug(slug);
  if (!productCode) redirect("/my-software");
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/launch/${slug}`)}`);

  const cookieStore = await cookies();
  const cookie = browserSessionCookie(env());
  const existing = cookieStore.get(cookie.name)?.value;
  const browserSessionId = isBrowserSessionId(existing) ? existing : newBrowserSessionId();

  let launched: Awaited<ReturnType<typeof launchProduct>>;
  try {
    launched = await launchProduct({ user, productCode, browserSessionId, ipAddress: await requestIpAddress() });
  } catch (error) {
    // An unknown or desktop product: My software lists what the user can open or download.
    if (isDomainError(error, "NOT_FOUND")) redirect("/my-software");
    throw error;
  }
  const { product, outcome } = launched;
  if (outcome.kind === "seats-in-use") {
    const query = new URLSearchParams({ seats: String(outcome.seats), ...(outcome.nextExpiry ? { until: outcome.nextExpiry.toISOString() } : {}) });
    redirect(`/launch/${slug}/unavailable?${query}`);
  }
  const token = await issueLaunchToken({ user, productCode: product.code, grant: outcome, browserSessionId });
  cookieStore.set(cookie.name, browserSessionId, cookie.options);
  redirect(launchRedirectUrl(product.launchUrl, token));
}
