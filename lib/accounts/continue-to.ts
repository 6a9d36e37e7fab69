// R10: where "Continue to" leads after activation. It travels in the token's data as a product code, never a
// URL from the client, and becomes a link only here.
import "server-only";
import { z } from "zod";
import type { DbClient } from "@/lib/db/client";
import { launchPath, productCodeOfSlug } from "@/lib/launch/launch-slug";
import { productCodes } from "@/lib/products/ensure-product-catalogue";

export const ContinueToProduct = z.enum(productCodes);
export type ContinueToProduct = z.infer<typeof ContinueToProduct>;

export type ContinueTarget = { kind: "portal" } | { kind: "software"; productName: string; url: string };

export function continueToOf(data: unknown): ContinueToProduct | null {
  const parsed = z.object({ continueTo: ContinueToProduct }).safeParse(data);
  return parsed.success ? parsed.data.continueTo : null;
}

export async function resolveContinueTarget(options: { db: DbClient; productCode: ContinueToProduct | null }): Promise<ContinueTarget> {
  if (!options.productCode) return { kind: "portal" };
  const product = await options.db.product.findUnique({
    where: { code: options.productCode },
    select: { name: true, kind: true },
  });
  if (!product) return { kind: "portal" };
  // Web apps open through the launch route (R22); desktop apps are downloaded from My software (R23).
  const url = product.kind === "WEB" ? launchPath(options.productCode) : "/my-software";
  return { kind: "software", productName: product.name, url };
}

/** The product a signed-out visitor was on their way to (/launch/<slug>, /downloads/<slug>), so "Register" keeps it. */
export function continueToOfPath(path: string): ContinueToProduct | null {
  const match = /^\/(?:launch|downloads)\/([a-z0-9-]+)(?:[/?#]|$)/.exec(path);
  const code = match ? productCodeOfSlug(match[1]!) : null;
  const parsed = ContinueToProduct.safeParse(code);
  return parsed.success ? parsed.data : null;
}
