// Activation keys of desktop licenses (R21, R22), typed by people: Crockford base32 (no I, L, O, U) in five
// groups of five, 125 random bits.
import { randomBytes } from "node:crypto";

export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 5;
const GROUP_LENGTH = 5;
export const ACTIVATION_KEY_BITS = GROUPS * GROUP_LENGTH * 5;
export const ACTIVATION_KEY_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

/** E.g. `7KQ2M-X9D4F-0RTZV-B3N8H-CW61P`. */
export function generateActivationKey(): string {
  const bytes = randomBytes(Math.ceil(ACTIVATION_KEY_BITS / 8));
  let buffer = 0;
  let bufferedBits = 0;
  let byteIndex = 0;
  let characters = "";
  while (characters.length < GROUPS * GROUP_LENGTH) {
    if (bufferedBits < 5) {
      buffer = (buffer << 8) | bytes[byteIndex++]!;
      bufferedBits += 8;
    }
    bufferedBits -= 5;
    characters += CROCKFORD_ALPHABET[(buffer >> bufferedBits) & 31];
    buffer &= (1 << bufferedBits) - 1;
  }
  return characters.match(new RegExp(`.{${GROUP_LENGTH}}`, "g"))!.join("-");
}

/** What a person typed, as stored: case, spaces and dashes ignored, O read as 0, I and L as 1; null if no key. */
export function normalizeActivationKey(typed: string): string | null {
  const characters = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (characters.length !== GROUPS * GROUP_LENGTH) return null;
  const key = characters.match(new RegExp(`.{${GROUP_LENGTH}}`, "g"))!.join("-");
  return ACTIVATION_KEY_PATTERN.test(key) ? key : null;
}
