import { redirect } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isDomainError } from "@/lib/errors";
import { MAILED_LAUNCH_PARAMETER, mayLaunchAtOnce } from "@/lib/launch/launch-link";
import { launchProduct } from "@/lib/launch/launch-product";
import { productCodeOfSlug } from "@/lib/launch/launch-slug";
import { issueLaunchToken, launchRedirectUrl } from "@/lib/launch/launch-token";
import { getSessionUser, requestIpAddress } from "@/app/session";

type Context = { params: Promise<{ product: string }> };

// GET /launch/<product> (R1, R2, R20, R22, R23): "Open" in My software and "Let's get started" in
// license mails lead here. The signed-in user is sent on to the product with a launch token, or,
// when every floating seat is taken, to a page saying until when. A request from elsewhere (another
// site's link or image) is asked first: /launch/<product>/open links back here from the portal's
// own page, which is what makes the second request same-origin (decision 018).
export async function GET(request: Request, { params }: Context): Promise<Response> {
  // The client router fetches a link's target as RSC before navigating. A launch has effects (a
  // seat, a trial, a token), so only the browser's own navigation launches: an answer that is not
  // RSC makes the router fall back to exactly that.
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch")) return new Response(null, { status: 204 });

  const { product: slug } = await params;
  const productCode = productCodeOfSlug(slug);
  if (!productCode) redirect("/my-software");
  const user = await getSessionUser();
  const mailedMac = new URL(request.url).searchParams.get(MAILED_LAUNCH_PARAMETER);
  if (!user) {
    const back = `/launch/${slug}${mailedMac ? `?${new URLSearchParams({ [MAILED_LAUNCH_PARAMETER]: mailedMac })}` : ""}`;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  if (!(await mayLaunchAtOnce({ headers: request.headers, userId: user.id, productCode, mailedMac }))) redirect(`/launch/${slug}/open`);
  return launch({ user, slug, productCode });
}

async function launch(options: { user: CurrentUser; slug: string; productCode: string }): Promise<Response> {
  const { user, slug } = options;
  // R2: this browser's seat is held by its portal session, so one browser holds at most one seat
  // per license however often it opens the software, and signing out gives the seat back.
  const browserSessionId = user.session.seatHolderId;
  let launched: Awaited<ReturnType<typeof launchProduct>>;
  try {
    launched = await launchProduct({ user, productCode: options.productCode, browserSessionId, ipAddress: await requestIpAddress() });
  } catch (error) {
    // An unknown or desktop product: My software lists what the user can open or download.
    if (isDomainError(error, "NOT_FOUND")) return seeOther("/my-software");
    throw error;
  }
  const { product, outcome } = launched;
  if (outcome.kind === "seats-in-use") {
    const query = new URLSearchParams({
      seats: String(outcome.seats),
      ...(outcome.nextExpiry ? { until: outcome.nextExpiry.toISOString() } : {}),
    });
    return seeOther(`/launch/${slug}/unavailable?${query}`);
  }
  const token = await issueLaunchToken({ user, productCode: product.code, grant: outcome, browserSessionId });
  return new Response(null, {
    status: 307,
    headers: { Location: launchRedirectUrl(product.launchUrl, token), "Cache-Control": "no-store" },
  });
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
