// R31: the back office finds companies (name, SAP account, country) and people (name, email),
// case- and accent-insensitive like the group page's search, page by page.
import { expect, test } from "vitest";
import { createAccount } from "@/lib/accounts/create-account";
import { BACKOFFICE_PAGE_SIZE } from "@/lib/backoffice/pagination";
import { searchCompanies } from "@/lib/backoffice/search-companies";
import { searchPeople } from "@/lib/backoffice/search-people";
import { createCompany } from "@/lib/companies/create-company";
import { addCompanyMember } from "@/lib/memberships/add-company-member";
import { createTestAccount, testPasswordHash, uniqueName } from "../../fixtures/tenant";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("companies by accent-free name, by SAP account number and by country", async () => {
  const staff = await createTestAccount({ isStaff: true });
  const marker = uniqueName("x").slice(2);
  const belgian = await createCompany({
    actor: staff,
    name: `Société Générale de Béton ${marker}`,
    country: "BE",
    sapAccountNumber: "5550001111",
  });
  const dutch = await createCompany({ actor: staff, name: `Betonbouw Ærø ${marker}`, country: "NL", sapAccountNumber: "5550002222" });

  const ids = async (options: { query?: string; country?: string }) =>
    (await searchCompanies({ actor: staff, ...options })).items.map((company) => company.id);
  expect(await ids({ query: `SOCIETE beton ${marker}` })).toEqual([belgian.id]);
  expect(await ids({ query: `aero ${marker}` })).toEqual([dutch.id]);
  expect(await ids({ query: "5550002222" })).toEqual([dutch.id]);
  expect(await ids({ query: marker, country: "be" })).toEqual([belgian.id]);
  expect(await ids({ query: `${marker} nl` })).toEqual([dutch.id]);
  expect(await ids({ query: "100%_" })).toEqual([]);
});

test("people by name or email without accents or case, with their companies, in pages", async () => {
  const staff = await createTestAccount({ isStaff: true });
  const marker = uniqueName("p").slice(2);
  const jose = await createAccount({
    email: `jose.${marker}@test.example`,
    firstName: "José",
    lastName: `Çelik${marker}`,
    credentials: { passwordHash: await testPasswordHash() },
  });
  const company = await createCompany({
    actor: staff,
    name: uniqueName("Company"),
    country: "NL",
    sapAccountNumber: String(Date.now()).slice(-9),
  });
  await addCompanyMember({ actor: staff, companyId: company.id, email: jose.email, role: "ADMIN" });

  const found = await searchPeople({ actor: staff, query: `JOSE celik${marker}` });
  expect(found.items).toHaveLength(1);
  expect(found.items[0]).toMatchObject({ id: jose.id, isRegistered: true, companies: [{ id: company.id, role: "ADMIN" }] });

  for (let index = 0; index < BACKOFFICE_PAGE_SIZE + 3; index++) {
    await createAccount({
      email: `many-${index}-${marker}@test.example`,
      firstName: "Many",
      lastName: `Person ${index}`,
      credentials: { passwordHash: await testPasswordHash() },
    });
  }
  const first = await searchPeople({ actor: staff, query: `many ${marker}` });
  const second = await searchPeople({ actor: staff, query: `many ${marker}`, page: 2 });
  expect(first).toMatchObject({ total: BACKOFFICE_PAGE_SIZE + 3, pageCount: 2, page: 1 });
  expect(first.items).toHaveLength(BACKOFFICE_PAGE_SIZE);
  expect(second.items).toHaveLength(3);
  expect(new Set([...first.items, ...second.items].map((person) => person.id)).size).toBe(BACKOFFICE_PAGE_SIZE + 3);
});
