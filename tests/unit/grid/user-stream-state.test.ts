// Decision 008 in the grid: how streamed pages of users become rows, when the stream is complete,
// when it belongs to another group version (R26), and what a reload keeps on screen meanwhile.
import { describe, expect, test } from "vitest";
import type { GridRowUser, GridUserPage } from "@/lib/assignments/license-group-grid";
import { buildGridRows, withSavedChanges } from "@/app/(portal)/software-management/[groupId]/_components/grid/grid-model";
import {
  appendPage,
  failStream,
  rowsOf,
  startStream,
} from "@/app/(portal)/software-management/[groupId]/_components/grid/user-stream-state";
import { gridFixture, ids } from "./grid-fixture";

const [jose, ozlem, jan, noe] = gridFixture().users.map((user): GridRowUser => user) as [
  GridRowUser,
  GridRowUser,
  GridRowUser,
  GridRowUser,
];

/** A page; `hasMore` stands for a next page still on its way (never awaited by these rules). */
function page(users: GridRowUser[], groupVersion: number, hasMore: boolean): GridUserPage {
  return { users, groupVersion, next: hasMore ? new Promise<GridUserPage>(() => {}) : null };
}

const names = (rows: { user: GridRowUser }[]) => rows.map((row) => row.user.firstName);

describe("streamed user pages (decision 008)", () => {
  test("pages add up to the whole list; the last one completes the stream; a page delivered twice counts once", () => {
    const first = page([jose], 3, true);
    let state = startStream(first, 3, []);
    expect(state.status).toBe("loading");
    expect(names(rowsOf(state))).toEqual(["José"]);
    state = appendPage(state, first, 1, page([ozlem, jan], 3, true));
    expect(appendPage(state, first, 1, page([ozlem, jan], 3, true))).toBe(state);
    expect(appendPage(state, first, 3, page([noe], 3, false))).toBe(state);
    state = appendPage(state, first, 2, page([noe], 3, false));
    expect(state.status).toBe("complete");
    expect(names(rowsOf(state))).toEqual(["José", "Özlem", "Jan", "Noë"]);
    // A page of an older stream (the page was rendered again meanwhile) changes nothing.
    expect(appendPage(state, page([jose], 3, true), 3, page([noe], 3, false))).toBe(state);
  });

  test("R26: a page read at another group version is not shown and marks the stream changed", () => {
    const first = page([jose], 3, true);
    const state = appendPage(startStream(first, 3, []), first, 1, page([ozlem], 4, true));
    expect(state.status).toBe("changed");
    expect(names(rowsOf(state))).toEqual(["José"]);
    expect(startStream(page([jose], 4, false), 3, []).status).toBe("changed");
  });

  test("a failed page leaves what arrived, marked failed; a complete stream stays complete", () => {
    const first = page([jose], 3, true);
    const failed = failStream(startStream(first, 3, []), first);
    expect(failed.status).toBe("failed");
    expect(names(rowsOf(failed))).toEqual(["José"]);
    const complete = startStream(page([jose], 3, false), 3, []);
    expect(failStream(complete, complete.firstPage)).toBe(complete);
  });

  test("someone renamed between two pages comes once, as the later page read them", () => {
    const first = page([jose, jan], 3, true);
    const renamed = { ...jan, firstName: "Johan" };
    const state = appendPage(startStream(first, 3, []), first, 1, page([renamed], 3, false));
    expect(names(rowsOf(state))).toEqual(["José", "Johan"]);
  });

  test("a reload keeps the earlier rows until their user is read again; complete, it drops people no longer there", () => {
    const before = buildGridRows([jose, ozlem, jan, noe], 3);
    const first = page([{ ...jose, assignedLicenseIds: [] }], 4, true);
    let state = startStream(first, 4, before);
    const rows = rowsOf(state);
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row.user.id === ids.jose)).toMatchObject({ version: 4, user: { assignedLicenseIds: [] } });
    expect(rows.find((row) => row.user.id === ids.jan)).toMatchObject({ version: 3 });
    state = appendPage(state, first, 1, page([ozlem, jan], 4, false));
    expect(names(rowsOf(state))).toEqual(["José", "Özlem", "Jan"]);
    expect(rowsOf(state).every((row) => row.version === 4)).toBe(true);
  });

  test("R16: rows read before the admin's own save show it until read again; later rows and other rows stay as they are", () => {
    const rows = [...buildGridRows([jose, ozlem], 3), ...buildGridRows([jan], 4)];
    const changes = [
      { licenseId: ids.named, userId: ids.jose, assigned: false },
      { licenseId: ids.expired, userId: ids.jose, assigned: true },
      { licenseId: ids.named, userId: ids.jan, assigned: true },
    ];
    const saves = [{ version: 4, changes }];
    const shown = withSavedChanges(rows, saves);
    expect(shown[0]!.user.assignedLicenseIds).toEqual([ids.floating, ids.expired].sort());
    expect([...shown[0]!.assigned].sort()).toEqual([ids.floating, ids.expired].sort());
    expect(shown[1]).toBe(rows[1]);
    expect(shown[2]).toBe(rows[2]); // read at version 4: the save is in it already
    expect(withSavedChanges(rows, [])).toBe(rows);
  });
});
