import { authenticatedApiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse } from "@/lib/api/responses";
import { heartbeatLease } from "@/lib/leases/heartbeat-lease";
import { signLeaseReceipt } from "@/lib/leases/sign-lease-receipt";
import { HeartbeatRequest, HeartbeatResponse } from "@/lib/licensing-api/contract";

// R5: "extended by 1 hour while the software is still in use"; 410 LEASE_EXPIRED once the seat is gone.
export const POST = authenticatedApiRoute<{ id: string }>(async ({ request, params, locale, clock, principal }) => {
  await readJsonBody(request, HeartbeatRequest, { locale, isBodyOptional: true });
  const renewed = await heartbeatLease({ userId: principal.userId, leaseId: params.id, clock });
  const signature = await signLeaseReceipt({ ...renewed, clock });
  const { lease } = renewed;
  return jsonResponse(HeartbeatResponse, { id: lease.id, licenseId: lease.licenseId, expiresAt: lease.expiresAt.toISOString(), signature });
});
