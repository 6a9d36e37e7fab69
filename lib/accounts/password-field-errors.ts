// A refused new password as a DomainError the forms can show next to the password field.
import "server-only";
import { checkNewPassword } from "@/lib/auth/password-policy";
import { DomainError } from "@/lib/errors";

export function assertAcceptablePassword(password: string, email: string, field = "password"): void {
  const problem = checkNewPassword(password, { email });
  if (problem) throw new DomainError("INVALID", "Password refused by the policy", { fields: { [field]: problem } });
}
