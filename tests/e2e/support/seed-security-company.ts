// A company of this run's own for the security specs (bulk SQL on the project's database, as
// license-grid-streaming.spec.ts does): its admin signs in with the demo password; its people are
// written as given, bypassing the forms, as data that arrived before a rule existed would be.
import { randomBytes } from "node:crypto";
import { test } from "@playwright/test";
import pg from "pg";
import { ADMIN_EMAIL } from "./demo";

export type SeedPerson = { firstName: string; lastName: string; position: string };

export type SeededCompany = { companyId: string; groupId: string; adminEmail: string; licenseIds: string[]; personIds: string[] };

export function projectDatabaseUrl(): string {
  const databaseUrl = test.info().project.metadata.databaseUrl as string | undefined;
  if (!databaseUrl) throw new Error("the Playwright project has no metadata.databaseUrl (playwright.config.ts sets it)");
  return databaseUrl;
}

/** Runs `work` with a connection to the project's database (single statements: the embedded database is one session shared with the app). */
export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: projectDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A company with one admin, `people` (each a registered member, in order), `bulkPeople` more
 * members, and one group of `licenses` named-user licenses of PROFIS Engineering with room for all.
 */
export async function seedSecurityCompany(options: {
  people?: SeedPerson[];
  bulkPeople?: number;
  licenses?: number;
}): Promise<SeededCompany> {
  const { people = [], bulkPeople = 0, licenses = 1 } = options;
  const tag = `sec-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const sapAccountNumber = String(8_000_000_000 + (randomBytes(4).readUInt32BE() % 999_999_999));
  const adminEmail = `${tag}-admin@e2e.example`;
  return withDatabase(async (client) => {
    const {
      rows: [company],
    } = await client.query<{ id: string }>(
      `INSERT INTO "Company" ("name", "country", "sapAccountNumber", "updatedAt") VALUES ($1, 'NL', $2, now()) RETURNING "id"`,
      [`Veilig ${tag} B.V.`, sapAccountNumber],
    );
    await client.query(
      `INSERT INTO "User" ("email", "firstName", "lastName", "passwordHash", "emailVerifiedAt", "currentCompanyId", "updatedAt")
       SELECT $1, 'Adri', 'Beheer', "passwordHash", now(), $3::uuid, now() FROM "User" WHERE "email" = $2`,
      [adminEmail, ADMIN_EMAIL, company!.id],
    );
    const personIds: string[] = [];
    for (const [index, person] of people.entries()) {
      const {
        rows: [row],
      } = await client.query<{ id: string }>(
        `INSERT INTO "User" ("email", "firstName", "lastName", "position", "passwordHash", "emailVerifiedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, 'not-a-login', now(), now()) RETURNING "id"`,
        [`${tag}-person-${index}@e2e.example`, person.firstName, person.lastName, person.position],
      );
      personIds.push(row!.id);
    }
    if (bulkPeople > 0) {
      await client.query(
        `INSERT INTO "User" ("email", "firstName", "lastName", "position", "passwordHash", "emailVerifiedAt", "updatedAt")
         SELECT $1 || '-bulk-' || i || '@e2e.example', 'Bulk', 'Persoon ' || lpad(i::text, 5, '0'), 'Tekenaar', 'not-a-login', now(), now()
         FROM generate_series(1, $2::int) AS i`,
        [tag, bulkPeople],
      );
    }
    await client.query(
      `INSERT INTO "Membership" ("userId", "companyId", "role", "updatedAt")
       SELECT "id", $1::uuid, (CASE WHEN "email" = $3 THEN 'ADMIN' ELSE 'USER' END)::"MembershipRole", now() FROM "User" WHERE "email" LIKE $2`,
      [company!.id, `${tag}-%@e2e.example`, adminEmail],
    );
    const {
      rows: [group],
    } = await client.query<{ id: string }>(
      `INSERT INTO "LicenseGroup" ("companyId", "name", "sapAccountNumber", "updatedAt") VALUES ($1, 'Veilige groep', $2, now()) RETURNING "id"`,
      [company!.id, sapAccountNumber],
    );
    const { rows: licenseRows } = await client.query<{ id: string }>(
      `INSERT INTO "License" ("groupId", "productId", "type", "seats", "validFrom", "validUntil", "updatedAt")
       SELECT $1::uuid, p."id", 'NAMED_USER', $3::int, now() - interval '1 day', now() + interval '300 days' + i * interval '1 day', now()
       FROM "Product" p, generate_series(1, $2::int) AS i WHERE p."code" = 'PROFIS_ENGINEERING' ORDER BY i RETURNING "id"`,
      [group!.id, licenses, people.length + bulkPeople + 1],
    );
    return { companyId: company!.id, groupId: group!.id, adminEmail, licenseIds: licenseRows.map((row) => row.id), personIds };
  });
}
