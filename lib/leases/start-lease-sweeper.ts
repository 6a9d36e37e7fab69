// Runs the lease sweeper (sweep-expired-leases.ts) on an interval in each app instance
// (instrumentation.ts), and forgets the redemptions of launch tokens past their expiry and the
// browser sessions that ended more than a day ago. Instances
// sweep side by side safely. Returns a stop function.
import "server-only";
import { deletePastPortalSessions } from "@/lib/auth/portal-sessions";
import { deleteExpiredRedemptions } from "@/lib/launch/redeem-launch-token";
import { LEASE_SWEEP_INTERVAL_MS } from "@/lib/leases/lease-policy";
import { sweepExpiredLeases } from "@/lib/leases/sweep-expired-leases";
import { repeatInBackground } from "@/lib/runtime/repeat-in-background";

export function startLeaseSweeper(options: { intervalMs?: number; log?: (line: string) => void } = {}): () => void {
  const log = options.log ?? ((line: string) => console.log(`[leases] ${line}`));
  return repeatInBackground({
    name: "leases",
    intervalMs: options.intervalMs ?? LEASE_SWEEP_INTERVAL_MS,
    round: async () => {
      const swept = await sweepExpiredLeases();
      if (swept > 0) log(`marked ${swept} long-expired lease(s) released`);
      await deleteExpiredRedemptions();
      await deletePastPortalSessions();
    },
  });
}
