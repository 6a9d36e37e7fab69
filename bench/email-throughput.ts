// Email delivery throughput (R27): messages per second through the outbox worker to a local SMTP
// server, as a ratio against a reference in the same invocation.
//
//   npm run bench:email            (BENCH_EMAIL_COUNT, default 500; BENCH_DATABASE_URL, default
//                                   postgresql://postgres@127.0.0.1:5432/postgres)
//
// reference  render + send the same messages with the same pooled nodemailer transport, no outbox
// outbox     enqueue them, then EmailWorker rounds (claim with SKIP LOCKED, render, send, record
//            SENT) until none is due — on the machine's PostgreSQL and on the embedded PGlite
// Both send to smtp-server on 127.0.0.1 (tests/setup/smtp-server.ts), which parses every message.
import os from "node:os";
import { createDb, useDb } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createSmtpTransport } from "@/lib/email/create-smtp-transport";
import { EmailWorker } from "@/lib/email/email-worker";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderEmail } from "@/lib/email/render-email";
import { startTestSmtpServer, type TestSmtpServer } from "../tests/setup/smtp-server";
import { withBenchDatabase } from "./support/bench-database";

const COUNT = Number(process.env.BENCH_EMAIL_COUNT ?? 500);
const BATCH_SIZE = 50;
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const FROM = '"License Portal" <no-reply@localhost>';

const message = (index: number) => ({
  template: "license-assigned-web" as const,
  to: `bench-${index}@mail.example`,
  locale: index % 2 === 0 ? ("nl" as const) : ("en" as const),
  payload: {
    firstName: `P${index}`,
    productName: "PROFIS Engineering",
    companyName: "Jansen BV",
    adminName: "Piet de Vries",
    startUrl: `http://localhost:3000/start/${index}`,
  },
});

async function reference(smtp: TestSmtpServer): Promise<number> {
  const transport = createSmtpTransport({ url: smtp.url, from: FROM });
  const startedAt = performance.now();
  for (let first = 0; first < COUNT; first += BATCH_SIZE) {
    const batch = Array.from({ length: Math.min(BATCH_SIZE, COUNT - first) }, (_, offset) => message(first + offset));
    await Promise.all(
      batch.map(async (item, offset) => {
        const rendered = await renderEmail(item);
        await transport.send({ messageId: `<reference-${first + offset}@localhost>`, to: item.to, ...rendered });
      }),
    );
  }
  const seconds = (performance.now() - startedAt) / 1000;
  await transport.close();
  return COUNT / seconds;
}

async function outbox(smtp: TestSmtpServer, url: string): Promise<{ perSecond: number; enqueuePerSecond: number }> {
  await migrate({ connectionString: url });
  const client = createDb(url);
  useDb(client);
  try {
    const enqueueStartedAt = performance.now();
    await client.$transaction(
      async (transaction) => {
        for (let index = 0; index < COUNT; index++) await enqueueEmail({ db: transaction, ...message(index) });
      },
      { timeout: 120_000 },
    );
    const enqueueSeconds = (performance.now() - enqueueStartedAt) / 1000;

    const transport = createSmtpTransport({ url: smtp.url, from: FROM });
    const worker = new EmailWorker({ transport, db: client, batchSize: BATCH_SIZE, log: () => {} });
    const before = smtp.received.length;
    const startedAt = performance.now();
    let sent = 0;
    for (;;) {
      const round = await worker.runOnce();
      if (round.claimed === 0) break;
      sent += round.sent;
    }
    const seconds = (performance.now() - startedAt) / 1000;
    await transport.close();
    if (sent !== COUNT || smtp.received.length - before !== COUNT)
      throw new Error(`expected ${COUNT} deliveries, got ${sent} recorded / ${smtp.received.length - before} received`);
    return { perSecond: COUNT / seconds, enqueuePerSecond: COUNT / enqueueSeconds };
  } finally {
    await client.$disconnect();
  }
}

async function main(): Promise<void> {
  const smtp = await startTestSmtpServer();
  try {
    await reference(smtp); // warm-up: JIT, template modules, SMTP connections
    smtp.received.length = 0;
    const referenceRate = await reference(smtp);
    const postgres = await withBenchDatabase(serverUrl, "lp_bench_email", (url) => outbox(smtp, url));
    const embedded = await startEmbeddedDatabase({ dataDir: null });
    let pglite: { perSecond: number; enqueuePerSecond: number };
    try {
      pglite = await outbox(smtp, embedded.url);
    } finally {
      await embedded.stop();
    }

    console.log(
      `\nemail delivery to a local SMTP server, ${COUNT} messages, batches of ${BATCH_SIZE} (machine: ${os.cpus().length} cores)`,
    );
    const line = (name: string, rate: number, extra = "") =>
      console.log(`${name.padEnd(20)} ${rate.toFixed(0).padStart(6)} msg/s  ×${(rate / referenceRate).toFixed(2)} of reference${extra}`);
    line("reference (no outbox)", referenceRate);
    line("outbox, PostgreSQL", postgres.perSecond, `   (enqueue ${postgres.enqueuePerSecond.toFixed(0)} msg/s in one transaction)`);
    line("outbox, PGlite", pglite.perSecond, `   (enqueue ${pglite.enqueuePerSecond.toFixed(0)} msg/s in one transaction)`);
  } finally {
    await smtp.close();
  }
}

await main();
