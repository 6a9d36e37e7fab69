// R9, after NIST SP 800-63B: 12–200 characters, no composition rules; refused when in the common-password list,
// scored below 3 by zxcvbn-ts (common, English, Dutch) or made of the email address (decisions 006, 019).
import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEnglish from "@zxcvbn-ts/language-en";
import * as zxcvbnDutch from "@zxcvbn-ts/language-nl-be";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's score from 0 to 4; 3 is "safely unguessable". */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordProblem = "too-short" | "too-long" | "common" | "guessable" | "contains-email" | "breached";

let commonPasswords: Set<string> | undefined;
let zxcvbn: ZxcvbnFactory | undefined;

function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(zxcvbnCommon.dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/** Built on first use (about 0.2 s). */
function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary, ...zxcvbnDutch.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
  });
  return zxcvbn;
}

/** Code points, so "ë" or an emoji counts once. */
function characterCount(password: string): number {
  return [...password].length;
}

/** The first problem with a new password, or null when it may be used (breached list not asked). */
export function checkNewPassword(password: string, options: { email: string }): PasswordProblem | null {
  const length = characterCount(password);
  if (length < PASSWORD_MIN_LENGTH) return "too-short";
  if (length > PASSWORD_MAX_LENGTH) return "too-long";
  if (isCommonPassword(password)) return "common";
  const lowered = password.toLowerCase();
  const email = options.email.trim().toLowerCase();
  const localPart = email.split("@")[0] ?? "";
  // The address is the first thing an attacker who knows it tries, with or without the domain.
  if (email && lowered.includes(email)) return "contains-email";
  if (localPart.length >= 4 && lowered.replace(/[^a-z0-9]/g, "") === localPart.replace(/[^a-z0-9]/g, "")) return "contains-email";
  // What an attacker knows of the person counts as dictionary words: the address and its parts.
  const userInputs = [email, ...localPart.split(/[^a-z0-9]+/)].filter((word) => word.length >= 3);
  if (estimator().check(password, userInputs).score < PASSWORD_MIN_SCORE) return "guessable";
  return null;
}
