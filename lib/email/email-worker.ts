// R27: the outbox's delivery worker, in every app instance and as `npm run worker`; any number may run at
// once (claims skip each other's rows). stop() lets the sends in flight finish and record their outcome.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { db as defaultDb, type DbClient } from "@/lib/db/client";
import { claimDueEmails, renewEmailClaims, type ClaimedEmail } from "@/lib/email/claim-due-emails";
import { deliverEmail, type DeliveryOutcome } from "@/lib/email/deliver-email";
import { CLAIM_LEASE_MS, CLAIM_RENEW_INTERVAL_MS } from "@/lib/email/delivery-policy";
import type { EmailTransport } from "@/lib/email/email-transport";
import { renderEmail } from "@/lib/email/render-email";

export type EmailWorkerOptions = {
  transport: EmailTransport;
  clock?: Clock;
  batchSize?: number;
  pollIntervalMs?: number;
  /** How often the leases of messages still being sent are renewed (real time; tests shorten it). */
  renewIntervalMs?: number;
  db?: DbClient;
  render?: typeof renderEmail;
  random?: () => number;
  log?: (line: string) => void;
};

export type DeliveryRound = { claimed: number } & Record<DeliveryOutcome, number>;

export class EmailWorker {
  private readonly options: Required<Omit<EmailWorkerOptions, "db" | "random">> & Pick<EmailWorkerOptions, "db" | "random">;
  private loop: Promise<void> | null = null;
  private isStopping = false;
  private wake: (() => void) | null = null;

  constructor(options: EmailWorkerOptions) {
    this.options = {
      clock: systemClock,
      batchSize: 20,
      pollIntervalMs: 5000,
      renewIntervalMs: CLAIM_RENEW_INTERVAL_MS,
      render: renderEmail,
      log: (line) => console.log(`[email] ${line}`),
      ...options,
    };
  }

  /** Claims one batch of due messages and delivers them; resolves when every outcome is recorded. */
  async runOnce(): Promise<DeliveryRound> {
    const { transport, clock, batchSize, render, random } = this.options;
    const db = this.options.db ?? defaultDb();
    const claimed = await claimDueEmails({ db, now: clock.now(), leaseMs: CLAIM_LEASE_MS, batchSize });
    const round: DeliveryRound = { claimed: claimed.length, sent: 0, retry: 0, failed: 0 };
    const inFlight = new Set(claimed);
    const renewal = this.renewWhileSending(db, inFlight);
    try {
      // All at once: the pooled transport queues them, and one slow recipient does not hold up the rest.
      const outcomes = await Promise.all(
        claimed.map((message) => deliverEmail({ db, message, transport, render, clock, random }).finally(() => inFlight.delete(message))),
      );
      for (const outcome of outcomes) round[outcome] += 1;
    } finally {
      renewal.stop();
    }
    return round;
  }

  /** Renews the lease of the messages in flight every renewIntervalMs; a failed renewal is retried next tick. */
  private renewWhileSending(db: DbClient, inFlight: Set<ClaimedEmail>): { stop: () => void } {
    const { clock, renewIntervalMs, log } = this.options;
    // The messages this worker still owns share one token: the claim's, then each renewal's.
    let token = [...inFlight][0]?.lockedUntil;
    let isRenewing = false;
    const timer = setInterval(async () => {
      if (isRenewing || inFlight.size === 0 || !token) return;
      isRenewing = true;
      try {
        const lockedUntil = new Date(clock.now().getTime() + CLAIM_LEASE_MS);
        const owned = [...inFlight];
        const renewed = new Set(await renewEmailClaims({ db, ids: owned.map((message) => message.id), previous: token, lockedUntil }));
        for (const message of owned) {
          // One that was not renewed was taken over by another worker: it is no longer ours to renew.
          if (renewed.has(message.id)) message.lockedUntil = lockedUntil;
          else inFlight.delete(message);
        }
        token = lockedUntil;
      } catch (error) {
        log(`renewing claims failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        isRenewing = false;
      }
    }, renewIntervalMs);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  /** Polls until stop(); a full batch is followed at once by the next one. */
  start(): void {
    if (this.loop) return;
    this.isStopping = false;
    this.loop = this.poll();
  }

  /** Graceful: the round in flight finishes and records its outcomes before this resolves. */
  async stop(): Promise<void> {
    this.isStopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async poll(): Promise<void> {
    const { batchSize, pollIntervalMs, log } = this.options;
    while (!this.isStopping) {
      let isBatchFull = false;
      try {
        const round = await this.runOnce();
        isBatchFull = round.claimed === batchSize;
        if (round.claimed > 0) log(`sent ${round.sent}, retrying ${round.retry}, failed ${round.failed}`);
      } catch (error) {
        // The database may be briefly unreachable (a restart, a failover): try again next round.
        log(`delivery round failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!isBatchFull && !this.isStopping) await this.sleep(pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
