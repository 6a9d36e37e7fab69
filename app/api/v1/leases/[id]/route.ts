import { authenticatedApiRoute } from "@/lib/api/api-route";
import { noContent } from "@/lib/api/responses";
import { releaseLease } from "@/lib/leases/release-lease";

// R2/R5: the seat is released when the software closes; releasing twice is no error. The release
// statement checks the API session itself (decision 013).
export const DELETE = authenticatedApiRoute<{ id: string }>(
  async ({ params, clock, principal }) => {
    await releaseLease({ userId: principal.userId, leaseId: params.id, reason: "released", session: principal, clock });
    return noContent();
  },
  { sessionCheck: "in-statement" },
);
