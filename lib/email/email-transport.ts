// The worker sends through one of two transports, chosen by configuration (create-email-transport.ts):
// SMTP for real use, or the local mailbox on the embedded demo. Both are nodemailer transports,
// so the MIME message is built the same way whichever delivers it.
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
  /** Closes pooled connections once the messages in flight are done. */
  close: () => Promise<void>;
};
