// R31: find people by name or email like the grid's search, with the companies they are a contact of.
import "server-only";
import { Prisma, type MembershipRole } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { foldedSql, matchesAllSql, searchPatterns } from "@/lib/backoffice/search-text";
import { pageWindow, toPaged, type Paged } from "@/lib/backoffice/pagination";
import { db as processDb, type DbClient } from "@/lib/db/client";

export type PersonSearchResult = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  isRegistered: boolean;
  isStaff: boolean;
  companies: { id: string; name: string; country: string; role: MembershipRole }[];
};

type PersonRow = Omit<PersonSearchResult, "companies">;

export async function searchPeople(options: {
  actor: Actor;
  query?: string;
  page?: number;
  db?: DbClient;
}): Promise<Paged<PersonSearchResult>> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  const page = options.page ?? 1;
  const patterns = searchPatterns(options.query);
  const folded = foldedSql(Prisma.sql`(u."firstName" || ' ' || u."lastName" || ' ' || u."email")`);
  const where = Prisma.sql`WHERE ${matchesAllSql(folded, patterns)}`;
  const { offset, limit } = pageWindow(page);

  const rows = await client.$queryRaw<PersonRow[]>`
      SELECT u."id"::text AS "id", u."email", u."firstName", u."lastName",
        (u."passwordHash" IS NOT NULL) AS "isRegistered", u."isStaff"
      FROM "User" u ${where}
      ORDER BY lower(trim(u."firstName" || ' ' || u."lastName")), u."email"
      LIMIT ${limit} OFFSET ${offset}`;
  const [{ total }] = await client.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS "total" FROM "User" u ${where}`;
  const memberships = await client.membership.findMany({
    where: { userId: { in: rows.map((row) => row.id) } },
    select: { userId: true, role: true, company: { select: { id: true, name: true, country: true } } },
    orderBy: { company: { name: "asc" } },
  });
  const items = rows.map((row) => ({
    ...row,
    companies: memberships
      .filter((membership) => membership.userId === row.id)
      .map((membership) => ({ ...membership.company, role: membership.role })),
  }));
  return toPaged(items, total, page);
}
