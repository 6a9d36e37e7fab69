// SMTP or the local mailbox (create-email-transport.ts); both build the MIME message with nodemailer.
export type OutgoingEmail = {
  /** The outbox row's Message-ID, kept on every attempt (R27). */
  messageId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

export type EmailTransport = {
  kind: "smtp" | "mailbox";
  /** Resolves with the server's (or mailbox's) answer; rejects with nodemailer's error. */
  send: (email: OutgoingEmail) => Promise<{ response: string }>;
  close: () => Promise<void>;
};
