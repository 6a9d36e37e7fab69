// A real SMTP server for the email tests (smtp-server on 127.0.0.1, a free port unless one is
// given), parsing what it receives with mailparser. It can be stopped and started again on the
// same port (a mail server outage, R27) and told to reject chosen recipients with a 550 and a
// reason. The e2e run's PostgreSQL project delivers to it too (tests/e2e/support/smtp-capture-server.ts).
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  /** The SMTP envelope (MAIL FROM, RCPT TO), lower-cased: what the server was asked to deliver. */
  envelope: { from: string; to: string[] };
  to: string[];
  /** The From header as text. */
  from: string;
  subject: string;
  html: string;
  text: string;
  /** Every http(s) link in the HTML part and the text part, deduplicated. */
  links: string[];
  /** Links of the HTML part only (href attributes). */
  htmlLinks: string[];
  /** Links of the plain-text part only. */
  textLinks: string[];
  messageId: string;
  headers: Map<string, unknown>;
  receivedAt: Date;
};

export type TestSmtpServer = {
  port: number;
  url: string;
  received: ReceivedMail[];
  lastMailTo: (address: string) => ReceivedMail | undefined;
  allMailTo: (address: string) => ReceivedMail[];
  /** RCPT TO for this address gets `550 <reason>`. */
  rejectRecipient: (address: string, reason: string) => void;
  /** Undoes rejectRecipient. */
  acceptRecipient: (address: string) => void;
  /** Stops accepting connections and drops the open ones (an outage). */
  stop: () => Promise<void>;
  /** Listens again on the same port. */
  start: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startTestSmtpServer(options: { port?: number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const rejected = new Map<string, string>();
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;

  const listen = async () => {
    const instance = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: no certificate to manage in tests.
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      size: 10 * 1024 * 1024,
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        const reason = rejected.get(address.address.toLowerCase());
        if (reason === undefined) return callback();
        const error = Object.assign(new Error(reason), { responseCode: 550 });
        return callback(error);
      },
      onData(stream, session, callback) {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
        };
        simpleParser(stream)
          .then((parsed) => {
            received.push(toReceivedMail(parsed, envelope));
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    instance.on("error", () => {
      // Dropped client connections during stop() are expected.
    });
    await new Promise<void>((resolve, reject) => {
      instance.server.once("error", reject);
      instance.listen(port, "127.0.0.1", () => resolve());
    });
    port = (instance.server.address() as AddressInfo).port;
    server = instance;
  };

  const stop = async () => {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  const forAddress = (address: string) => received.filter((mail) => mail.to.includes(address.toLowerCase()));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    lastMailTo: (address) => forAddress(address).at(-1),
    allMailTo: forAddress,
    rejectRecipient: (address, reason) => rejected.set(address.toLowerCase(), reason),
    acceptRecipient: (address) => rejected.delete(address.toLowerCase()),
    stop,
    start: async () => {
      if (!server) await listen();
    },
    close: stop,
  };
}

function toReceivedMail(parsed: Awaited<ReturnType<typeof simpleParser>>, envelope: ReceivedMail["envelope"]): ReceivedMail {
  const html = typeof parsed.html === "string" ? parsed.html : "";
  const text = parsed.text ?? "";
  const htmlLinks = unique([...html.matchAll(/href="([^"]+)"/g)].map((match) => decodeHtml(match[1]!)).filter(isWebLink));
  const textLinks = unique([...text.matchAll(/https?:\/\/[^\s<>"\])]+/g)].map((match) => match[0]));
  return {
    envelope,
    to: addresses(parsed.to),
    from: parsed.from?.text ?? "",
    subject: parsed.subject ?? "",
    html,
    text,
    links: unique([...htmlLinks, ...textLinks]),
    htmlLinks,
    textLinks,
    messageId: parsed.messageId ?? "",
    headers: parsed.headers,
    receivedAt: new Date(),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((entry) => entry.value.map((value) => (value.address ?? "").toLowerCase()));
}

const isWebLink = (href: string) => /^https?:\/\//.test(href);
const unique = (values: string[]) => [...new Set(values)];
const decodeHtml = (text: string) =>
  text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");
