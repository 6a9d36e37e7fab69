// R11: "Change company" first chooses the country, then the account in it.
import type { CurrentMembership } from "@/lib/auth/current-user";

export type CountryGroup = { country: string; memberships: CurrentMembership[] };

/** Countries in ISO code order, companies by name within a country. */
export function groupCompaniesByCountry(memberships: readonly CurrentMembership[]): CountryGroup[] {
  const byCountry = new Map<string, CurrentMembership[]>();
  for (const membership of memberships) {
    const group = byCountry.get(membership.company.country) ?? [];
    group.push(membership);
    byCountry.set(membership.company.country, group);
  }
  return [...byCountry.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, group]) => ({
      country,
      memberships: group.sort((a, b) => a.company.name.localeCompare(b.company.name)),
    }));
}
