// R6, R31: "Contact sales" requests (PROFIS Engineering Enterprise is sold by the back office
// only), newest first, open ones or all. Staff only.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { handledWhere, type HandledFilter } from "@/lib/backoffice/list-orders";
import { pageWindow, toPaged, type Paged } from "@/lib/backoffice/pagination";
import { db as processDb, type DbClient } from "@/lib/db/client";

export type BackofficeSalesLead = {
  id: string;
  createdAt: Date;
  companyName: string;
  country: string;
  email: string;
  message: string;
  productName: string | null;
  requesterEmail: string | null;
  handledAt: Date | null;
  handledByEmail: string | null;
};

export async function listSalesLeads(options: { actor: Actor; filter?: HandledFilter; page?: number; db?: DbClient }): Promise<Paged<BackofficeSalesLead>> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  const page = options.page ?? 1;
  const where = handledWhere(options.filter ?? "open");
  const { offset, limit } = pageWindow(page);
  const leads = await client.salesLead.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: offset,
    take: limit,
    select: {
      id: true,
      createdAt: true,
      companyName: true,
      country: true,
      email: true,
      message: true,
      handledAt: true,
      product: { select: { name: true } },
      requester: { select: { email: true } },
      handledBy: { select: { email: true } },
    },
  });
  const total = await client.salesLead.count({ where });
  const items = leads.map(({ product, requester, handledBy, ...lead }) => ({
    ...lead,
    productName: product?.name ?? null,
    requesterEmail: requester?.email ?? null,
    handledByEmail: handledBy?.email ?? null,
  }));
  return toPaged(items, total, page);
}
