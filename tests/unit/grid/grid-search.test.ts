import { describe, expect, test } from "vitest";
import { matchesSearch, normalizeSearchText, userSearchKey } from "@/lib/assignments/grid-search";
import { gridFixture } from "./grid-fixture";

describe("grid search (R13)", () => {
  test("normalises case, accents and spacing on both sides", () => {
    expect(normalizeSearchText("  José   ÁLVAREZ ")).toBe("jose alvarez");
    expect(normalizeSearchText("Özlem Yılmaz")).toBe("ozlem yilmaz");
    expect(normalizeSearchText("Chloë Renée Noë")).toBe("chloe renee noe");
  });

  test('"jose" finds José, and "JOSÉ" finds a plain "jose" too', () => {
    const [jose] = gridFixture().users;
    expect(matchesSearch(userSearchKey(jose!), "jose")).toBe(true);
    expect(matchesSearch(userSearchKey({ firstName: "Jose", lastName: "Plain", email: "j@x.example" }), "JOSÉ")).toBe(true);
  });

  test("searches names and email, every word must occur", () => {
    const users = gridFixture().users;
    const found = (query: string) => users.filter((user) => matchesSearch(userSearchKey(user), query)).map((user) => user.firstName);
    expect(found("yilmaz")).toEqual(["Özlem"]);
    expect(found("demo.example")).toEqual(["Jan"]);
    expect(found("jose bak")).toEqual(["José"]);
    expect(found("jose jansen")).toEqual([]);
    expect(found("")).toHaveLength(4);
    expect(found("   ")).toHaveLength(4);
  });
});
