import { describe, expect, it } from "vitest";
import { groupCompaniesByCountry } from "@/lib/accounts/group-companies-by-country";

const membership = (name: string, country: string) => ({ id: name, role: "ADMIN", company: { id: name, name, country } });

describe("groupCompaniesByCountry (R11)", () => {
  it("groups companies by country, companies by name within each", () => {
    const groups = groupCompaniesByCountry([
      membership("Zuid B.V.", "NL"),
      membership("Constructie Peeters NV", "BE"),
      membership("Bouwbedrijf De Vries B.V.", "NL"),
    ]);
    expect(groups.map((group) => [group.country, group.memberships.map((m) => m.company.name)])).toEqual([
      ["BE", ["Constructie Peeters NV"]],
      ["NL", ["Bouwbedrijf De Vries B.V.", "Zuid B.V."]],
    ]);
  });
});
