// Decision 020: a column's name; the #numbers are gone unless two floating pools of one term remain.
import { describe, expect, test } from "vitest";
import { buildGridColumns } from "@/app/(portal)/software-management/[groupId]/_components/grid/grid-model";
import type { GridLicense } from "@/lib/assignments/license-group-grid";
import { gridFixture } from "./grid-fixture";

const base = gridFixture().licenses[0]!;
const column = (id: string, extra: Partial<GridLicense>): GridLicense => ({ ...base, id, ...extra });
const labels = { type: (license: GridLicense) => license.type, term: (license: GridLicense) => `t/m ${license.validUntil.slice(0, 10)}` };

describe("grid column names", () => {
  test("one column per product and type is named by them alone", () => {
    const columns = buildGridColumns([column("a", { type: "NAMED_USER" }), column("b", { type: "FLOATING" })], labels);
    expect(columns.map((entry) => [entry.label, entry.qualifier])).toEqual([
      ["PROFIS Engineering NAMED_USER", null],
      ["PROFIS Engineering FLOATING", null],
    ]);
  });

  test("two terms of one product and type are told apart by their end, two floating pools of one term by a number", () => {
    const columns = buildGridColumns(
      [
        column("a", { type: "NODE_LOCKED", validUntil: "2027-12-31T10:00:00.000Z" }),
        column("b", { type: "NODE_LOCKED", validUntil: "2028-06-30T10:00:00.000Z" }),
        column("c", { type: "FLOATING" }),
        column("d", { type: "FLOATING" }),
      ],
      labels,
    );
    expect(columns.map((entry) => entry.label)).toEqual([
      "PROFIS Engineering NODE_LOCKED t/m 2027-12-31",
      "PROFIS Engineering NODE_LOCKED t/m 2028-06-30",
      "PROFIS Engineering FLOATING t/m 2027-01-01 #1",
      "PROFIS Engineering FLOATING t/m 2027-01-01 #2",
    ]);
    expect(columns[0]!.qualifier).toBe("t/m 2027-12-31");
  });
});
