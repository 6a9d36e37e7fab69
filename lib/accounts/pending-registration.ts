// What a registration typed waits in its verification token until the mailbox is proven (decision 017).
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
  bindingHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type PendingRegistration = z.infer<typeof PendingRegistration>;

/** Null for an older token or a resend without one. */
export function pendingRegistrationOf(data: unknown): PendingRegistration | null {
  const parsed = z.object({ registration: PendingRegistration }).safeParse(data);
  return parsed.success ? parsed.data.registration : null;
}

/** The newest unused verification token's data, expired or not, so a resend carries the registration over. */
export async function findPendingRegistration(options: {
  db: DbClient;
  userId: string;
}): Promise<{ data: Prisma.InputJsonObject; registration: PendingRegistration } | null> {
  const token = await options.db.token.findFirst({
    where: { userId: options.userId, purpose: "EMAIL_VERIFICATION", usedAt: null },
    orderBy: { createdAt: "desc" },
    select: { data: true },
  });
  const registration = pendingRegistrationOf(token?.data);
  return registration ? { data: token!.data as Prisma.InputJsonObject, registration } : null;
}
