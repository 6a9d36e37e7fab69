// Runs the lease sweeper (sweep-expired-leases.ts) on an interval in each app instance
// (instrumentation.ts). Instances sweep side by side safely; a failed round is logged and the next
// one tries again. Returns a stop function.
import "server-only";
import { LEASE_SWEEP_INTERVAL_MS } from "@/lib/leases/lease-policy";
import { sweepExpiredLeases } from "@/lib/leases/sweep-expired-leases";

export function startLeaseSweeper(options: { intervalMs?: number; log?: (line: string) => void } = {}): () => void {
  const log = options.log ?? ((line: string) => console.log(`[leases] ${line}`));
  let isRunning = false;
  const round = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const swept = await sweepExpiredLeases();
      if (swept > 0) log(`marked ${swept} long-expired lease(s) released`);
    } catch (error) {
      console.error("[leases] sweep failed", error);
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void round(), options.intervalMs ?? LEASE_SWEEP_INTERVAL_MS);
  // The sweeper never keeps a process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
