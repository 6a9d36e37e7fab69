// R31: the follow-up lists (orders, sales leads): staff only, newest first, open ones unless asked otherwise.
import "server-only";
import type { Prisma } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { pageWindow, toPaged, type Paged } from "@/lib/backoffice/pagination";
import { db as processDb, type DbClient } from "@/lib/db/client";

export type HandledFilter = "open" | "handled" | "all";

export type ListHandledRecordsOptions = { actor: Actor; filter?: HandledFilter; page?: number; db?: DbClient };

type HandledWhere = { handledAt?: Prisma.DateTimeNullableFilter | null };

export type HandledRecordsQuery = {
  where: HandledWhere;
  orderBy: [{ createdAt: "desc" }, { id: "desc" }];
  skip: number;
  take: number;
};

function handledWhere(filter: HandledFilter): HandledWhere {
  if (filter === "open") return { handledAt: null };
  if (filter === "handled") return { handledAt: { not: null } };
  return {};
}

export async function listHandledRecords<T>(
  options: ListHandledRecordsOptions,
  read: (client: DbClient, query: HandledRecordsQuery) => Promise<{ items: T[]; total: number }>,
): Promise<Paged<T>> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  const page = options.page ?? 1;
  const where = handledWhere(options.filter ?? "open");
  const { offset, limit } = pageWindow(page);
  const { items, total } = await read(client, { where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: offset, take: limit });
  return toPaged(items, total, page);
}
