// Gate of the in-app mailbox pages (decision 005): absent unless the mailbox transport is
// active; open on the demo; staff only on a production server database. A visitor who may not
// see it gets the same 404 as when it does not exist.
import "server-only";
import { notFound } from "next/navigation";
import { canAccessBackoffice } from "@/lib/auth/permissions";
import { mailboxAccess } from "@/lib/email/mailbox-access";
import { mailboxDirectory } from "@/lib/email/mailbox-message";
import { env } from "@/lib/env";
import { getSessionUser } from "@/app/session";

/** The mailbox directory, or a 404. */
export async function requireMailbox(): Promise<string> {
  const config = env();
  const access = mailboxAccess(config);
  if (access === "absent") notFound();
  if (access === "backoffice" && !canAccessBackoffice(await getSessionUser())) notFound();
  return mailboxDirectory(config.DATA_DIR);
}
