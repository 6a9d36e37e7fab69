import { describe, expect, test } from "vitest";
import { isAssignmentFilter, matchesAssignmentFilter, type AssignmentFilter } from "@/lib/assignments/grid-filters";
import { gridFixture } from "./grid-fixture";

const names = (filter: AssignmentFilter) =>
  gridFixture()
    .users.filter((user) => matchesAssignmentFilter(user, filter))
    .map((user) => user.firstName);

describe("grid filters (R13, R17)", () => {
  test("all / assigned / not assigned / invited", () => {
    expect(names("all")).toEqual(["José", "Özlem", "Jan", "Noë"]);
    expect(names("assigned")).toEqual(["José", "Özlem", "Jan"]);
    expect(names("unassigned")).toEqual(["Noë"]);
    expect(names("invited")).toEqual(["Özlem", "Noë"]);
  });

  test("recognises only its own filter names (values from the URL or a select)", () => {
    expect(isAssignmentFilter("invited")).toBe(true);
    expect(isAssignmentFilter("deleted")).toBe(false);
  });
});
