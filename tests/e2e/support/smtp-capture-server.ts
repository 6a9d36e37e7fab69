// The mail server of the e2e run's PostgreSQL project (playwright.config.ts starts it as a
// webServer before that project's app, and stops it with the run). The app delivers to it over
// real SMTP (SMTP_URL), as a production instance would; the specs read what arrived, parsed,
// from a small HTTP endpoint next to it (tests/e2e/support/mail.ts):
//   GET /health               200 once both ports listen (Playwright waits for it)
//   GET /messages?to=<email>  the mails to that address, oldest first, as JSON
// Run: SMTP_CAPTURE_PORT=… SMTP_CAPTURE_HTTP_PORT=… node --import tsx tests/e2e/support/smtp-capture-server.ts
import { createServer } from "node:http";
import { startTestSmtpServer, type ReceivedMail } from "../../setup/smtp-server";

/** What the endpoint returns per mail; the parsed header map becomes plain text values. */
export type CapturedMail = Omit<ReceivedMail, "headers" | "receivedAt"> & { headers: Record<string, string>; receivedAt: string };

function requiredPort(name: string): number {
  const port = Number(process.env[name]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`${name} must be a port number (playwright.config.ts sets it)`);
  return port;
}

function headerText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  // Address headers (From, To) and structured ones (Content-Type) carry their original text.
  if (value && typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  if (value && typeof value === "object" && "value" in value && typeof value.value === "string") return value.value;
  return JSON.stringify(value);
}

function toCapturedMail(mail: ReceivedMail): CapturedMail {
  const headers = Object.fromEntries([...mail.headers].map(([name, value]) => [name, headerText(value)]));
  return { ...mail, headers, receivedAt: mail.receivedAt.toISOString() };
}

async function main(): Promise<void> {
  const smtp = await startTestSmtpServer({ port: requiredPort("SMTP_CAPTURE_PORT") });
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "GET" && url.pathname === "/health") {
      response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      return;
    }
    if (request.method === "GET" && url.pathname === "/messages") {
      const to = url.searchParams.get("to");
      const mails = to ? smtp.allMailTo(to) : smtp.received;
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(mails.map(toCapturedMail)));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(requiredPort("SMTP_CAPTURE_HTTP_PORT"), "127.0.0.1", resolve);
  });
  console.log(
    `SMTP capture: smtp://127.0.0.1:${smtp.port}, messages on http://127.0.0.1:${(http.address() as { port: number }).port}/messages`,
  );

  const shutdown = () => {
    http.close();
    void smtp.close().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
