import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import type { ProfileInput } from "@/lib/accounts/update-profile";
import { db as processDb, type DbClient } from "@/lib/db/client";

/** The profile form's starting values: the actor's own record. */
export async function getProfile(options: { actor: Actor; db?: DbClient }): Promise<ProfileInput> {
  const user = await (options.db ?? processDb()).user.findUniqueOrThrow({
    where: { id: options.actor.id },
    select: { title: true, firstName: true, lastName: true, position: true, language: true },
  });
  return { ...user, title: user.title ?? "" };
}
