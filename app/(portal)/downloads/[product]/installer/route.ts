// The installer of a desktop application (a placeholder file, lib/products/desktop-releases.ts).
// Public, as a vendor's installers are: the software needs an activation key to run (R21, R22).
import { findDesktopProductBySlug } from "@/lib/launch/find-web-product";
import { desktopRelease, placeholderInstaller } from "@/lib/products/desktop-releases";

export async function GET(_request: Request, { params }: { params: Promise<{ product: string }> }): Promise<Response> {
  const product = await findDesktopProductBySlug((await params).product);
  const release = product ? desktopRelease(product.code) : null;
  if (!product || !release)
    return new Response("Not found / Niet gevonden", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(placeholderInstaller(product.name, release), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${release.fileName}"`,
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
