// The manual's three products, ensured at every start: existing rows are left alone (URLs changed later stay).
import "server-only";
import type { Product, ProductKind } from "@prisma/client";
import { db as processDb, type DbClient } from "@/lib/db/client";

export const productCodes = ["PROFIS_ENGINEERING", "PROFIS_LAYOUT_OFFICE", "PROFIS_DETECTION_OFFICE"] as const;
export type ProductCode = (typeof productCodes)[number];

type CatalogueEntry = { code: ProductCode; name: string; kind: ProductKind; launchUrl?: string; downloadUrl?: string };

/** Where "Open" leads for the web app unless configured: the stand-in web application in this repo. */
export const DEFAULT_ENGINEERING_LAUNCH_URL = "/apps/profis-engineering";

export async function ensureProductCatalogue(
  options: {
    /** Used only when the product is created. */
    engineeringLaunchUrl?: string;
    db?: DbClient;
  } = {},
): Promise<Record<ProductCode, Product>> {
  const client = options.db ?? processDb();
  const catalogue: CatalogueEntry[] = [
    {
      code: "PROFIS_ENGINEERING",
      name: "PROFIS Engineering",
      kind: "WEB",
      launchUrl: options.engineeringLaunchUrl ?? DEFAULT_ENGINEERING_LAUNCH_URL,
    },
    { code: "PROFIS_LAYOUT_OFFICE", name: "PROFIS Layout Office", kind: "DESKTOP", downloadUrl: "/downloads/profis-layout-office" },
    {
      code: "PROFIS_DETECTION_OFFICE",
      name: "PROFIS Detection Office",
      kind: "DESKTOP",
      downloadUrl: "/downloads/profis-detection-office",
    },
  ];
  const products = {} as Record<ProductCode, Product>;
  for (const entry of catalogue) {
    // Upsert on the unique code: two instances starting at once both end with one row per product.
    products[entry.code] = await client.product.upsert({
      where: { code: entry.code },
      create: { ...entry, launchUrl: entry.launchUrl ?? null, downloadUrl: entry.downloadUrl ?? null },
      update: {},
    });
  }
  return products;
}
