// The product a /launch/<slug> or /downloads/<slug> path names (R21, R23).
import "server-only";
import type { ProductKind } from "@prisma/client";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { productCodeOfSlug } from "@/lib/launch/launch-slug";

type NamedProduct = { code: string; name: string };

async function findProductBySlug(slug: string, kind: ProductKind, client: DbClient): Promise<NamedProduct | null> {
  const code = productCodeOfSlug(slug);
  if (!code) return null;
  const product = await client.product.findUnique({ where: { code }, select: { code: true, name: true, kind: true } });
  return product?.kind === kind ? { code: product.code, name: product.name } : null;
}

export function findWebProductBySlug(slug: string, client: DbClient = processDb()): Promise<NamedProduct | null> {
  return findProductBySlug(slug, "WEB", client);
}

export function findDesktopProductBySlug(slug: string, client: DbClient = processDb()): Promise<NamedProduct | null> {
  return findProductBySlug(slug, "DESKTOP", client);
}
