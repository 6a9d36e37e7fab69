// A refused new password as a DomainError the forms can show next to the password field.
import "server-only";
import { isBreachedPassword } from "@/lib/auth/breached-passwords";
import { checkNewPassword, type PasswordProblem } from "@/lib/auth/password-policy";
import { DomainError } from "@/lib/errors";

export async function assertAcceptablePassword(password: string, email: string, field = "password"): Promise<void> {
  let problem: PasswordProblem | null = checkNewPassword(password, { email });
  if (!problem && (await isBreachedPassword(password))) problem = "breached";
  if (problem) throw new DomainError("INVALID", "Password refused by the policy", { fields: { [field]: problem } });
}
