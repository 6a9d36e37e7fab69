// Starts the delivery worker and the expiry reminders; the returned stop lets the sends in flight finish.
import "server-only";
import { createEmailTransport } from "@/lib/email/create-email-transport";
import { EmailWorker } from "@/lib/email/email-worker";
import type { Env } from "@/lib/env";
import { startExpiryReminders } from "@/lib/licenses/send-expiry-reminders";

export function startEmailWorker(config: Env, log: (line: string) => void = (line) => console.log(`[email] ${line}`)): () => Promise<void> {
  const transport = createEmailTransport(config);
  const worker = new EmailWorker({
    transport,
    batchSize: config.EMAIL_WORKER_BATCH_SIZE,
    pollIntervalMs: config.EMAIL_WORKER_POLL_INTERVAL_MS,
    log,
  });
  worker.start();
  log(
    `delivery worker started (${transport.kind}${transport.kind === "mailbox" ? ` in ${config.DATA_DIR}/mailbox` : ""}, every ${config.EMAIL_WORKER_POLL_INTERVAL_MS} ms)`,
  );
  // The 30-day expiry reminders ride along with delivery.
  const stopExpiryReminders = startExpiryReminders();
  return async () => {
    stopExpiryReminders();
    await worker.stop();
    await transport.close();
  };
}
