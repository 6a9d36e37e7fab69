// Profile: the actor's own names, title, position and language (R29).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/accounts/actor";
import { fieldErrors } from "@/lib/accounts/account-schemas";
import { FirstName, LastName, Locale, OptionalPosition, Title } from "@/lib/accounts/fields";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";

export const ProfileInput = z.object({
  title: z.union([Title, z.literal("")]).transform((value) => (value === "" ? null : value)),
  firstName: FirstName,
  lastName: LastName,
  position: OptionalPosition,
  language: Locale,
});
export type ProfileInput = z.input<typeof ProfileInput>;

export async function updateProfile(options: { actor: Actor; profile: ProfileInput; db?: DbClient }): Promise<void> {
  const parsed = ProfileInput.safeParse(options.profile);
  if (!parsed.success) throw new DomainError("INVALID", "Invalid profile", { fields: fieldErrors(parsed.error) });
  await (options.db ?? processDb()).user.update({ where: { id: options.actor.id }, data: parsed.data });
}
