// SMTP when EMAIL_TRANSPORT is smtp and SMTP_URL is set, otherwise the local mailbox under DATA_DIR.
import "server-only";
import { createMailboxTransport } from "@/lib/email/create-mailbox-transport";
import { createSmtpTransport } from "@/lib/email/create-smtp-transport";
import type { EmailTransport } from "@/lib/email/email-transport";
import { mailboxDirectory } from "@/lib/email/mailbox-message";
import type { Env } from "@/lib/env";

export function createEmailTransport(config: Env): EmailTransport {
  if (config.EMAIL_TRANSPORT === "smtp" && config.SMTP_URL) {
    return createSmtpTransport({
      url: config.SMTP_URL,
      from: config.SMTP_FROM,
      requireTls: config.SMTP_REQUIRE_TLS,
      rejectUnauthorized: config.SMTP_TLS_REJECT_UNAUTHORIZED,
      maxConnections: config.SMTP_POOL_SIZE,
    });
  }
  return createMailboxTransport({ directory: mailboxDirectory(config.DATA_DIR), from: config.SMTP_FROM });
}
