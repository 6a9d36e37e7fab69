// One claimed outbox message: render (R29), send, record the outcome; a permanent rejection fails at once
// (R27). Secrets in the payload are blanked once it is SENT or FAILED.
import "server-only";
import type { ClaimedEmail } from "@/lib/email/claim-due-emails";
import { classifySendError } from "@/lib/email/classify-send-error";
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "@/lib/email/delivery-policy";
import type { EmailTemplate } from "@/lib/email/email-templates";
import type { EmailTransport } from "@/lib/email/email-transport";
import { redactEmailPayload } from "@/lib/email/redact-email-payload";
import type { renderEmail } from "@/lib/email/render-email";
import type { DbClient } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";

export type DeliveryOutcome = "sent" | "retry" | "failed";

export async function deliverEmail(options: {
  db: DbClient;
  message: ClaimedEmail;
  transport: EmailTransport;
  render: typeof renderEmail;
  clock: Clock;
  random?: () => number;
}): Promise<DeliveryOutcome> {
  const { db, message, transport, render, clock } = options;
  if (message.attempts > MAX_DELIVERY_ATTEMPTS) {
    // Only reached through an expired claim: the worker died during the last allowed attempt.
    return recordFailure(options, { isPermanent: true, reason: "delivery was interrupted on the last attempt" });
  }

  try {
    const rendered = await render({
      template: message.template as EmailTemplate,
      locale: message.locale,
      payload: message.payload as never,
    });
    await transport.send({ messageId: message.messageId, to: message.toAddress, ...rendered });
  } catch (error) {
    return recordFailure(options, classifySendError(error));
  }

  const now = clock.now();
  // Guarded by status only: it was sent, even if another worker took it over meanwhile.
  await db.emailMessage.updateMany({
    where: { id: message.id, status: "SENDING" },
    data: { status: "SENT", sentAt: now, lockedUntil: null, payload: redactEmailPayload(message.template, message.payload) },
  });
  return "sent";
}

async function recordFailure(
  options: { db: DbClient; message: ClaimedEmail; clock: Clock; random?: () => number },
  failure: { isPermanent: boolean; reason: string },
): Promise<DeliveryOutcome> {
  const { db, message, clock } = options;
  const isFinal = failure.isPermanent || message.attempts >= MAX_DELIVERY_ATTEMPTS;
  const now = clock.now();
  // Guarded by this claim's lease: an overtaken worker must not reschedule another worker's send.
  await db.emailMessage.updateMany({
    where: { id: message.id, status: "SENDING", lockedUntil: message.lockedUntil },
    data: isFinal
      ? { status: "FAILED", lastError: failure.reason, lockedUntil: null, payload: redactEmailPayload(message.template, message.payload) }
      : {
          status: "PENDING",
          lastError: failure.reason,
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts, options.random)),
        },
  });
  return isFinal ? "failed" : "retry";
}
