// Email + password sign-in (R8). Every failure returns null so the caller shows one generic
// message, and the unknown-address path verifies a dummy hash so timing reveals no accounts.
import "server-only";
import { z } from "zod";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { db, type DbClient } from "@/lib/db/client";
import { Email } from "@/lib/accounts/fields";

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1).max(1024),
});

export async function authenticateWithPassword(
  credentials: unknown,
  client: DbClient = db(),
): Promise<SessionClaims | null> {
  const parsed = SignInInput.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const user = await client.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, emailVerifiedAt: true, disabledAt: true, sessionVersion: true },
  });
  if (!user?.passwordHash) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  const isPasswordValid = await verifyPassword(user.passwordHash, password);
  // Unverified (R10) and disabled accounts fail exactly like a wrong password.
  if (!isPasswordValid || user.emailVerifiedAt === null || user.disabledAt !== null) return null;
  return { userId: user.id, sessionVersion: user.sessionVersion };
}
