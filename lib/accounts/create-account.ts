// A registered, verified identity with an Argon2id password hash, for the seed and the tests.
import "server-only";
import type { User } from "@prisma/client";
import { fieldErrors, NewAccount } from "@/lib/accounts/account-schemas";
import { NewPassword } from "@/lib/accounts/fields";
import { hashPassword } from "@/lib/auth/password";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/transactions/unique-violation";

export type AccountCredentials =
  | { password: string }
  /** Made with hashPassword(), for many accounts sharing one password (the seed): hashing costs ~60 ms. */
  | { passwordHash: string };

export async function createAccount(
  options: NewAccount & {
    credentials: AccountCredentials;
    /** Vendor staff (R31). Only server-side bootstrap code sets it; no form offers it. */
    isStaff?: boolean;
    clock?: Clock;
    db?: DbClient;
  },
): Promise<User> {
  const parsed = NewAccount.safeParse(options);
  if (!parsed.success) throw new DomainError("INVALID", "Invalid account", { fields: fieldErrors(parsed.error) });
  const passwordHash = await passwordHashOf(options.credentials);
  const now = (options.clock ?? systemClock).now();
  try {
    return await (options.db ?? processDb()).user.create({
      data: {
        ...parsed.data,
        title: parsed.data.title ?? null,
        position: parsed.data.position ?? "",
        passwordHash,
        emailVerifiedAt: now,
        isStaff: options.isStaff ?? false,
      },
    });
  } catch (error) {
    // An address already known, an invited contact's too, is CONFLICT "taken".
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", "An account with this email address already exists", { fields: { email: "taken" } });
    }
    throw error;
  }
}

async function passwordHashOf(credentials: AccountCredentials): Promise<string> {
  if ("passwordHash" in credentials) {
    if (!credentials.passwordHash.startsWith("$argon2id$")) {
      throw new DomainError("INVALID", "passwordHash must be an Argon2id hash made by hashPassword()");
    }
    return credentials.passwordHash;
  }
  const password = NewPassword.safeParse(credentials.password);
  if (!password.success)
    throw new DomainError("INVALID", "Invalid password", { fields: { password: password.error.issues[0]?.message ?? "invalid" } });
  return hashPassword(password.data);
}
