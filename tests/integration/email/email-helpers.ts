// Shared by the email integration tests: a worker over real SMTP to the test server, and a loop
// that runs delivery rounds until nothing is due at the clock's time.
import type { Clock } from "@/lib/clock";
import { createSmtpTransport } from "@/lib/email/create-smtp-transport";
import { EmailWorker, type DeliveryRound } from "@/lib/email/email-worker";
import { uniqueName } from "../../fixtures/tenant";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { db } from "@/lib/db/client";
import { startTestSmtpServer, type TestSmtpServer } from "../../setup/smtp-server";

export const TEST_FROM = '"License Portal" <no-reply@localhost>';

export function smtpWorker(smtp: TestSmtpServer, clock: Clock, batchSize = 20) {
  const transport = createSmtpTransport({ url: smtp.url, from: TEST_FROM });
  const worker = new EmailWorker({ transport, clock, batchSize, pollIntervalMs: 50, log: () => {} });
  return { worker, transport, close: () => transport.close() };
}

/** Delivery rounds until a round claims nothing; the outcomes summed. */
export async function drain(worker: EmailWorker): Promise<DeliveryRound> {
  const total: DeliveryRound = { claimed: 0, sent: 0, retry: 0, failed: 0 };
  for (;;) {
    const round = await worker.runOnce();
    if (round.claimed === 0) return total;
    for (const key of Object.keys(total) as (keyof DeliveryRound)[]) total[key] += round[key];
  }
}

export const recipient = (prefix = "person") => `${uniqueName(prefix)}@mail.example`;

/**
 * A test SMTP server for the file, running (again) before each test, with an empty outbox: the
 * returned object's fields are filled in before the first test, as useTestDatabase() does.
 */
export function useSmtpServerAndEmptyOutbox(): TestSmtpServer {
  const handle = {} as TestSmtpServer;
  beforeAll(async () => {
    Object.assign(handle, await startTestSmtpServer());
  });
  afterAll(async () => {
    await handle.close?.();
  });
  beforeEach(async () => {
    await db().emailMessage.deleteMany();
    // A test may have stopped it to simulate an outage.
    await handle.start();
  });
  return handle;
}
