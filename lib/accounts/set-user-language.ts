// R29: a signed-in user's language is remembered on the account, so emails and other devices use it.
import "server-only";
import type { Actor } from "@/lib/accounts/actor";
import { db, type DbClient } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";

export async function setUserLanguage(options: { actor: Actor; language: Locale }, client: DbClient = db()): Promise<void> {
  await client.user.update({ where: { id: options.actor.id }, data: { language: options.language } });
}
