// R31: find a company by name, SAP account number or country.
import "server-only";
import { Prisma } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { CountryCode } from "@/lib/companies/company-fields";
import { foldedSql, matchesAllSql, searchPatterns } from "@/lib/backoffice/search-text";
import { pageWindow, toPaged, type Paged } from "@/lib/backoffice/pagination";
import { db as processDb, type DbClient } from "@/lib/db/client";

export type CompanySearchResult = {
  id: string;
  name: string;
  country: string;
  sapAccountNumber: string;
  memberCount: number;
  groupCount: number;
};

export async function searchCompanies(options: {
  actor: Actor;
  query?: string;
  country?: string;
  page?: number;
  db?: DbClient;
}): Promise<Paged<CompanySearchResult>> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  const page = options.page ?? 1;
  const country = CountryCode.safeParse(options.country ?? "");
  const countryCode = country.success ? country.data : null;
  const patterns = searchPatterns(options.query);
  const folded = foldedSql(Prisma.sql`(c."name" || ' ' || c."sapAccountNumber" || ' ' || c."country")`);
  const where = Prisma.sql`WHERE ${matchesAllSql(folded, patterns)} AND (${countryCode}::text IS NULL OR c."country" = ${countryCode}::text)`;
  const { offset, limit } = pageWindow(page);

  const rows = await client.$queryRaw<CompanySearchResult[]>`
      SELECT c."id"::text AS "id", c."name", c."country", c."sapAccountNumber",
        (SELECT count(*)::int FROM "Membership" m WHERE m."companyId" = c."id") AS "memberCount",
        (SELECT count(*)::int FROM "LicenseGroup" g WHERE g."companyId" = c."id") AS "groupCount"
      FROM "Company" c ${where}
      ORDER BY lower(c."name"), c."country", c."id"
      LIMIT ${limit} OFFSET ${offset}`;
  const [{ total }] = await client.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS "total" FROM "Company" c ${where}`;
  return toPaged(rows, total, page);
}

export async function listCompanyCountries(options: { actor: Actor; db?: DbClient }): Promise<string[]> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  const rows = await client.company.findMany({ distinct: ["country"], select: { country: true }, orderBy: { country: "asc" } });
  return rows.map((row) => row.country);
}
