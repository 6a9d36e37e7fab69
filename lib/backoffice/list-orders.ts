// R31: the back office's list of orders (issue 7: pay by invoice, so staff follow each one up),
// newest first, open ones or all. Staff only.
import "server-only";
import type { OrderStatus, Prisma } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { pageWindow, toPaged, type Paged } from "@/lib/backoffice/pagination";
import { db as processDb, type DbClient } from "@/lib/db/client";

export type HandledFilter = "open" | "handled" | "all";

export type BackofficeOrder = {
  id: string;
  createdAt: Date;
  company: { id: string; name: string; country: string };
  buyerEmail: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  lines: { productName: string; kind: string; edition: string; type: string; seats: number }[];
  invoicePaidAt: Date | null;
  handledAt: Date | null;
  handledByEmail: string | null;
};

export function handledWhere(filter: HandledFilter): { handledAt?: Prisma.DateTimeNullableFilter | null } {
  if (filter === "open") return { handledAt: null };
  if (filter === "handled") return { handledAt: { not: null } };
  return {};
}

export async function listOrders(options: { actor: Actor; filter?: HandledFilter; page?: number; db?: DbClient }): Promise<Paged<BackofficeOrder>> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  const page = options.page ?? 1;
  const where = handledWhere(options.filter ?? "open");
  const { offset, limit } = pageWindow(page);
  const orders = await client.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: offset,
    take: limit,
    select: {
      id: true,
      createdAt: true,
      status: true,
      totalCents: true,
      currency: true,
      invoicePaidAt: true,
      handledAt: true,
      company: { select: { id: true, name: true, country: true } },
      buyer: { select: { email: true } },
      handledBy: { select: { email: true } },
      lines: { select: { kind: true, edition: true, type: true, seats: true, product: { select: { name: true } } } },
    },
  });
  const total = await client.order.count({ where });
  const items = orders.map(({ buyer, handledBy, lines, ...order }) => ({
    ...order,
    buyerEmail: buyer.email,
    handledByEmail: handledBy?.email ?? null,
    lines: lines.map(({ product, ...line }) => ({ ...line, productName: product.name })),
  }));
  return toPaged(items, total, page);
}
