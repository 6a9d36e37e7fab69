// One message of the local mailbox with its links, offered as plain links next to the sandboxed HTML.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { MAILBOX_ID_PATTERN, type MailboxMessage } from "@/lib/email/mailbox-message";

export type MailboxMessageWithLinks = MailboxMessage & { links: string[] };

export async function readMailboxMessage(options: { directory: string; id: string }): Promise<MailboxMessageWithLinks | null> {
  // The id names a file: only the mailbox's own pattern is accepted, never a path.
  if (!MAILBOX_ID_PATTERN.test(options.id)) return null;
  let content: string;
  try {
    content = await readFile(path.join(options.directory, `${options.id}.json`), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const message = JSON.parse(content) as MailboxMessage;
  return { ...message, links: extractLinks(message.html) };
}

function extractLinks(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/href\s*=\s*"([^"]*)"/gi)) {
    const href = decodeEntities(match[1] ?? "");
    // Only web links: the page renders them as anchors, so no javascript: or data: URL gets through.
    if (/^https?:\/\//i.test(href)) links.add(href);
  }
  return [...links];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}
