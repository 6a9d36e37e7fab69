import { describe, expect, test } from "vitest";
import {
  ACTIVATION_KEY_BITS,
  ACTIVATION_KEY_PATTERN,
  CROCKFORD_ALPHABET,
  generateActivationKey,
  normalizeActivationKey,
} from "@/lib/licenses/activation-key";

describe("generateActivationKey", () => {
  test("is five groups of five Crockford base32 characters carrying at least 100 random bits", () => {
    const key = generateActivationKey();
    expect(key).toMatch(ACTIVATION_KEY_PATTERN);
    expect(key.replace(/-/g, "")).toHaveLength(25);
    expect(ACTIVATION_KEY_BITS).toBeGreaterThanOrEqual(100);
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(key).not.toMatch(/[ILOU]/);
  });

  test("never repeats and uses every symbol evenly at every position", () => {
    const keys = Array.from({ length: 8_000 }, generateActivationKey);
    expect(new Set(keys).size).toBe(keys.length);

    const symbols = keys.map((key) => key.replace(/-/g, ""));
    for (let position = 0; position < 25; position++) {
      const counts = new Map<string, number>();
      for (const key of symbols) counts.set(key[position]!, (counts.get(key[position]!) ?? 0) + 1);
      // Each position holds 5 independent random bits: all 32 symbols appear, none far off 1/32.
      expect(counts.size, `position ${position}`).toBe(32);
      for (const count of counts.values()) {
        expect(count).toBeGreaterThan(8_000 / 32 / 2);
        expect(count).toBeLessThan((8_000 / 32) * 2);
      }
    }
  });
});

describe("normalizeActivationKey", () => {
  test("accepts what a person types: any case, spaces or no dashes", () => {
    const key = generateActivationKey();
    expect(normalizeActivationKey(key.toLowerCase())).toBe(key);
    expect(normalizeActivationKey(` ${key.replace(/-/g, " ")} `)).toBe(key);
    expect(normalizeActivationKey(key.replace(/-/g, ""))).toBe(key);
  });

  test("reads Crockford's look-alikes as digits", () => {
    expect(normalizeActivationKey("OOOOO-IIIII-LLLLL-00000-11111")).toBe("00000-11111-11111-00000-11111");
  });

  test("refuses what cannot be a key", () => {
    expect(normalizeActivationKey("")).toBeNull();
    expect(normalizeActivationKey("ABCDE-ABCDE-ABCDE-ABCDE")).toBeNull();
    expect(normalizeActivationKey("UUUUU-ABCDE-ABCDE-ABCDE-ABCDE")).toBeNull();
    expect(normalizeActivationKey("ABCDE-ABCDE-ABCDE-ABCDE-ABCD!")).toBeNull();
  });
});
