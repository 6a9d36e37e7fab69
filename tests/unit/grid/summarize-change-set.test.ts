import { describe, expect, test } from "vitest";
import { summarizeChangeSet } from "@/lib/assignments/summarize-change-set";
import { gridFixture, ids } from "./grid-fixture";

const registered = new Map(gridFixture().users.map((user) => [user.id, user.isRegistered]));
const isRegistered = (userId: string) => registered.get(userId) ?? true;

describe("change-set summary (R16, R17)", () => {
  test('"1 new assigned license, 2 revoked; 1 invitation will be sent"', () => {
    const summary = summarizeChangeSet(
      [
        { licenseId: ids.named, userId: ids.noe, assigned: true },
        { licenseId: ids.named, userId: ids.jose, assigned: false },
        { licenseId: ids.floating, userId: ids.jan, assigned: false },
      ],
      isRegistered,
    );
    expect(summary).toEqual({ granted: 1, revoked: 2, invitations: 1 });
  });

  test("one invitation per unregistered person, however many licenses they receive; none for registered people", () => {
    const summary = summarizeChangeSet(
      [
        { licenseId: ids.named, userId: ids.noe, assigned: true },
        { licenseId: ids.floating, userId: ids.noe, assigned: true },
        { licenseId: ids.floating, userId: ids.jan, assigned: true },
        { licenseId: ids.nodeLocked, userId: ids.ozlem, assigned: false },
      ],
      isRegistered,
    );
    expect(summary).toEqual({ granted: 3, revoked: 1, invitations: 1 });
  });

  test("an empty change set", () => {
    expect(summarizeChangeSet([], isRegistered)).toEqual({ granted: 0, revoked: 0, invitations: 0 });
  });
});
