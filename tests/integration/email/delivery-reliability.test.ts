// R27: delivery never loses a message. A mail server outage is retried with backoff (time moved
// by the injected clock, not waited for), a message that can never be sent ends FAILED after the
// bounded attempts, and workers running side by side send each message once.
import { expect, test } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { CLAIM_LEASE_MS, MAX_DELIVERY_ATTEMPTS, MAX_RETRY_DELAY_MS } from "@/lib/email/delivery-policy";
import { EmailWorker } from "@/lib/email/email-worker";
import type { EmailTransport, OutgoingEmail } from "@/lib/email/email-transport";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { useTestDatabase } from "../../setup/test-database";
import { drain, recipient, smtpWorker, useSmtpServerAndEmptyOutbox } from "./email-helpers";

useTestDatabase();

const smtp = useSmtpServerAndEmptyOutbox();

const START = new Date(Date.now() + 60_000);

async function enqueueMany(count: number, clock: ReturnType<typeof fixedClock>, prefix: string) {
  const rows = [];
  for (let index = 0; index < count; index++) {
    rows.push(
      await enqueueEmail({
        db: db(),
        template: "license-assigned-web",
        to: recipient(`${prefix}${index}`),
        locale: index % 2 === 0 ? "nl" : "en",
        payload: {
          firstName: `P${index}`,
          productName: "PROFIS Engineering",
          companyName: "Jansen BV",
          adminName: "Piet",
          startUrl: `http://localhost:3000/start/${index}`,
        },
        clock,
      }),
    );
  }
  return rows;
}

function deliveriesByMessageId(messageIds: string[]) {
  const wanted = new Set(messageIds);
  const counts = new Map<string, number>();
  for (const mail of smtp.received) if (wanted.has(mail.messageId)) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
  return counts;
}

test("R27: with the mail server down 100 messages are rescheduled with backoff; once it is back all 100 arrive exactly once", async () => {
  const clock = fixedClock(START);
  await smtp.stop();
  const rows = await enqueueMany(100, clock, "outage");
  const { worker, close } = smtpWorker(smtp, clock, 100);

  expect(await drain(worker)).toEqual({ claimed: 100, sent: 0, retry: 100, failed: 0 });
  const waiting = await db().emailMessage.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
  for (const row of waiting) {
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, sentAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    // First retry after 30 s ± 20 %.
    expect(row.nextAttemptAt.getTime() - START.getTime()).toBeGreaterThanOrEqual(24_000);
    expect(row.nextAttemptAt.getTime() - START.getTime()).toBeLessThanOrEqual(36_000);
  }

  await smtp.start();
  // Backoff holds: nothing is due until the retry time.
  expect((await worker.runOnce()).claimed).toBe(0);
  clock.advance(36_000);
  expect(await drain(worker)).toEqual({ claimed: 100, sent: 100, retry: 0, failed: 0 });
  await close();

  const counts = deliveriesByMessageId(rows.map((row) => row.messageId));
  expect(counts.size).toBe(100);
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
  expect(await db().emailMessage.count({ where: { status: "SENT", attempts: 2 } })).toBe(100);
});

test("R27: a message that always fails ends FAILED after the bounded number of attempts, its last error kept", async () => {
  const clock = fixedClock(START);
  await smtp.stop();
  const [row] = await enqueueMany(1, clock, "never");
  const { worker, close } = smtpWorker(smtp, clock);
  const delays: number[] = [];

  for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
    const round = await drain(worker);
    expect(round.claimed).toBe(1);
    expect(round[attempt < MAX_DELIVERY_ATTEMPTS ? "retry" : "failed"]).toBe(1);
    const current = await db().emailMessage.findUniqueOrThrow({ where: { id: row!.id } });
    delays.push(current.nextAttemptAt.getTime() - clock.now().getTime());
    clock.advance(MAX_RETRY_DELAY_MS);
  }
  await close();

  const failed = await db().emailMessage.findUniqueOrThrow({ where: { id: row!.id } });
  expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS, sentAt: null, lockedUntil: null });
  expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
  // Exponential: each wait (until the cap) is about twice the one before.
  expect(delays[1]! / delays[0]!).toBeGreaterThan(1.3);
  expect(delays[4]! / delays[3]!).toBeGreaterThan(1.3);
  expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
  // Nothing more happens to it, however long one waits.
  expect((await worker.runOnce()).claimed).toBe(0);
});

test("R27: two workers polling the same outbox at once send each of 50 messages exactly once", async () => {
  const clock = fixedClock(START);
  const rows = await enqueueMany(50, clock, "concurrent");
  const first = smtpWorker(smtp, clock, 5);
  const second = smtpWorker(smtp, clock, 5);

  const [a, b] = await Promise.all([drain(first.worker), drain(second.worker)]);
  await Promise.all([first.close(), second.close()]);

  expect(a.sent + b.sent).toBe(50);
  expect(a.claimed + b.claimed).toBe(50);
  const counts = deliveriesByMessageId(rows.map((row) => row.messageId));
  expect(counts.size).toBe(50);
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
});

test("R27: a message left SENDING by a crashed worker is sent again after its claim lease, with the same Message-ID", async () => {
  const clock = fixedClock(START);
  const [row] = await enqueueMany(1, clock, "crashed");
  // The crash: claimed (SENDING, lease running), then nothing recorded.
  await db().emailMessage.update({
    where: { id: row!.id },
    data: { status: "SENDING", attempts: 1, lockedUntil: new Date(START.getTime() + CLAIM_LEASE_MS) },
  });
  const { worker, close } = smtpWorker(smtp, clock);

  expect((await worker.runOnce()).claimed).toBe(0);
  clock.advance(CLAIM_LEASE_MS + 1);
  expect(await drain(worker)).toEqual({ claimed: 1, sent: 1, retry: 0, failed: 0 });
  await close();

  expect([...deliveriesByMessageId([row!.messageId]).values()]).toEqual([1]);
  expect(await db().emailMessage.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "SENT", attempts: 2 });
});

test("a restart resends within seconds (the lease is short), and a live worker's slow send keeps its claim (renewed) so no other worker sends it again", async () => {
  // Short enough that a worker that died mid-send is replaced within seconds, not minutes.
  expect(CLAIM_LEASE_MS).toBeLessThanOrEqual(30_000);
  const clock = fixedClock(START);
  const [row] = await enqueueMany(1, clock, "slow");
  // A send that takes as long as the test says: the mail server accepted the connection and is slow.
  const sends: OutgoingEmail[] = [];
  let finishSend: () => void = () => {};
  const slow: EmailTransport = {
    kind: "smtp",
    send: (email) => {
      sends.push(email);
      return new Promise((resolve) => (finishSend = () => resolve({ response: "250 OK" })));
    },
    close: async () => {},
  };
  const sending = new EmailWorker({ transport: slow, clock, renewIntervalMs: 20, log: () => {} });
  const round = sending.runOnce();
  await expect.poll(() => sends.length).toBe(1);

  // Twice the lease passes while the send is in progress; the lease is renewed each time.
  const other = smtpWorker(smtp, clock);
  for (let step = 0; step < 2; step++) {
    clock.advance(CLAIM_LEASE_MS - 1_000);
    await expect
      .poll(async () => (await db().emailMessage.findUniqueOrThrow({ where: { id: row!.id } })).lockedUntil?.getTime())
      .toBe(clock.now().getTime() + CLAIM_LEASE_MS);
    expect((await other.worker.runOnce()).claimed).toBe(0);
  }
  finishSend();
  expect(await round).toEqual({ claimed: 1, sent: 1, retry: 0, failed: 0 });
  await other.close();
  expect(deliveriesByMessageId([row!.messageId]).size).toBe(0);
  expect(await db().emailMessage.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({
    status: "SENT",
    attempts: 1,
    lockedUntil: null,
  });
});

test("start() polls in the background and stop() returns once the sends in flight are recorded", async () => {
  const clock = fixedClock(START);
  const rows = await enqueueMany(10, clock, "polling");
  const { worker, close } = smtpWorker(smtp, clock, 3);

  worker.start();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && (await db().emailMessage.count({ where: { status: "SENT" } })) < 10)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await worker.stop();
  await close();

  expect(await db().emailMessage.count({ where: { id: { in: rows.map((row) => row.id) }, status: "SENT" } })).toBe(10);
  expect(await db().emailMessage.count({ where: { status: "SENDING" } })).toBe(0);
});
