// Gate of the in-app mailbox pages (decision 015): a 404, as if it did not exist, unless the
// mailbox is enabled and the request comes from this machine itself.
import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requestOrigin } from "@/lib/auth/client-ip";
import { isLocalRequest, isMailboxEnabled } from "@/lib/email/mailbox-access";
import { mailboxDirectory } from "@/lib/email/mailbox-message";
import { env } from "@/lib/env";

/** The mailbox directory, or a 404. */
export async function requireMailbox(): Promise<string> {
  const config = env();
  if (!isMailboxEnabled(config)) notFound();
  const requestHeaders = await headers();
  if (!isLocalRequest(requestOrigin(requestHeaders), requestHeaders.get("host"), config)) notFound();
  return mailboxDirectory(config.DATA_DIR);
}
