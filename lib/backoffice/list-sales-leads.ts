// R6, R31: "Contact sales" requests, newest first, open ones or all.
import "server-only";
import { listHandledRecords, type ListHandledRecordsOptions } from "@/lib/backoffice/list-handled-records";
import type { Paged } from "@/lib/backoffice/pagination";

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

export function listSalesLeads(options: ListHandledRecordsOptions): Promise<Paged<BackofficeSalesLead>> {
  return listHandledRecords(options, async (client, query) => {
    const leads = await client.salesLead.findMany({
      ...query,
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
    const total = await client.salesLead.count({ where: query.where });
    const items = leads.map(({ product, requester, handledBy, ...lead }) => ({
      ...lead,
      productName: product?.name ?? null,
      requesterEmail: requester?.email ?? null,
      handledByEmail: handledBy?.email ?? null,
    }));
    return { items, total };
  });
}
