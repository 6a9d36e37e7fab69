// Decision 017: what a registration typed — password, names, language, terms — waits in its
// verification token and lands on the account only when the mailbox is proven, from the browser
// that registered (its binding, registration-binding.ts). Nothing on the user row changes before.
import "server-only";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { Locale } from "@/lib/accounts/fields";
import type { DbClient } from "@/lib/db/client";

export const PendingRegistration = z.object({
  passwordHash: z.string().startsWith("$argon2id$"),
  firstName: z.string().max(100),
  lastName: z.string().max(100),
  language: Locale,
  termsVersion: z.string().min(1),
  termsAcceptedAt: z.iso.datetime(),
  /** SHA-256 of the registering browser's binding secret; absent when no browser registered. */
  bindingHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type PendingRegistration = z.infer<typeof PendingRegistration>;

/** The registration waiting in a verification token's data, or null (an older token, a resend without one). */
export function pendingRegistrationOf(data: unknown): PendingRegistration | null {
  const parsed = z.object({ registration: PendingRegistration }).safeParse(data);
  return parsed.success ? parsed.data.registration : null;
}

/**
 * The newest unused verification token of a user that carries a registration, with its whole data
 * (a resend carries it over to the new link). Expired ones count: the person may ask for a new link.
 */
export async function findPendingRegistration(options: { db: DbClient; userId: string }): Promise<{ data: Prisma.InputJsonObject; registration: PendingRegistration } | null> {
  const token = await options.db.token.findFirst({
    where: { userId: options.userId, purpose: "EMAIL_VERIFICATION", usedAt: null },
    orderBy: { createdAt: "desc" },
    select: { data: true },
  });
  const registration = pendingRegistrationOf(token?.data);
  return registration ? { data: token!.data as Prisma.InputJsonObject, registration } : null;
}
