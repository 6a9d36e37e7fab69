// The local mailbox's messages, newest first, for the in-app mailbox page (demo transport only).
import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { MAILBOX_ID_PATTERN, type MailboxMessage } from "@/lib/email/mailbox-message";

export type MailboxEntry = Pick<MailboxMessage, "id" | "to" | "subject" | "receivedAt">;

const MAX_LISTED = 500;

export async function listMailbox(options: { directory: string; to?: string }): Promise<MailboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(options.directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter((id) => MAILBOX_ID_PATTERN.test(id))
    .sort()
    .reverse();
  const entries: MailboxEntry[] = [];
  for (const id of ids) {
    if (entries.length >= MAX_LISTED) break;
    const message = JSON.parse(await readFile(path.join(options.directory, `${id}.json`), "utf8")) as MailboxMessage;
    if (options.to !== undefined && message.to !== options.to.trim().toLowerCase()) continue;
    entries.push({ id: message.id, to: message.to, subject: message.subject, receivedAt: message.receivedAt });
  }
  return entries;
}
