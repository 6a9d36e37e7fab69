// SMTP delivery through a pooled nodemailer transport.
import "server-only";
import nodemailer from "nodemailer";
import type { EmailTransport } from "@/lib/email/email-transport";

export type SmtpTransportOptions = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS from the start). */
  url: string;
  from: string;
  requireTls?: boolean;
  rejectUnauthorized?: boolean;
  maxConnections?: number;
};

// Nodemailer's defaults wait up to ten minutes on a silent server; a dead server must be noticed sooner.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 } as const;

export function createSmtpTransport(options: SmtpTransportOptions): EmailTransport {
  const transporter = nodemailer.createTransport({
    pool: true,
    url: options.url,
    maxConnections: options.maxConnections ?? 5,
    requireTLS: options.requireTls ?? false,
    tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
    ...TIMEOUTS,
  });
  return {
    kind: "smtp",
    send: async (email) => {
      const info = await transporter.sendMail({ from: options.from, ...email });
      return { response: info.response };
    },
    close: async () => {
      transporter.close();
    },
  };
}
