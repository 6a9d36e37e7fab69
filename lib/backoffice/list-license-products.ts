// The products a back-office license form offers, each with the license types its kind allows.
import "server-only";
import type { LicenseType, ProductKind } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { allowedLicenseTypes } from "@/lib/licenses/create-license";

export type LicenseProduct = { code: string; name: string; kind: ProductKind; types: readonly LicenseType[] };

export async function listLicenseProducts(options: { actor: Actor; db?: DbClient }): Promise<LicenseProduct[]> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  const products = await client.product.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true, kind: true } });
  return products.map((product) => ({ ...product, types: allowedLicenseTypes[product.kind] }));
}
