// Who may open the in-app mailbox (app/mailbox). It holds every delivered message, one-time
// links included, of every company, so (docs/decisions/005-email-outbox.md):
//   absent     — mail goes over SMTP: the page does not exist (404);
//   open       — the demo: mailbox transport on the embedded database, or any database outside
//                production. Someone trying the demo must read the "Activate account" mail
//                before they have an account, so sign-in cannot be asked of them;
//   backoffice — mailbox transport on a production server database (a staging set-up without
//                SMTP): only the vendor's staff, since the mails carry other tenants' tokens (R28).
import "server-only";
import type { Env } from "@/lib/env";

export type MailboxAccess = "absent" | "open" | "backoffice";

export function mailboxAccess(config: Pick<Env, "EMAIL_TRANSPORT" | "isProduction" | "DATABASE_IS_EMBEDDED">): MailboxAccess {
  if (config.EMAIL_TRANSPORT !== "mailbox") return "absent";
  if (!config.isProduction || config.DATABASE_IS_EMBEDDED) return "open";
  return "backoffice";
}
