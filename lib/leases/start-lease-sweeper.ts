// Each instance's tidying round: long-expired leases, spent launch-token redemptions, old browser sessions.
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
