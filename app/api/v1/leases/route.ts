import { authenticatedApiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse } from "@/lib/api/responses";
import { acquireLease } from "@/lib/leases/acquire-lease";
import { signLeaseReceipt } from "@/lib/leases/sign-lease-receipt";
import { LeaseRequest, LeaseResponse } from "@/lib/licensing-api/contract";

// R5/R25: a desktop application takes a floating seat for this machine; 201 for a new seat, 200
// when this user and machine already held one (extended by an hour). The seat statement checks the
// API session itself (decision 013).
export const POST = authenticatedApiRoute(
  async ({ request, locale, clock, principal }) => {
    const { licenseId, fingerprint } = await readJsonBody(request, LeaseRequest, { locale });
    const acquired = await acquireLease({ userId: principal.userId, licenseId, holder: { fingerprint }, session: principal, clock });
    const signature = await signLeaseReceipt({ ...acquired, clock });
    const { lease } = acquired;
    return jsonResponse(
      LeaseResponse,
      { id: lease.id, licenseId: lease.licenseId, expiresAt: lease.expiresAt.toISOString(), signature },
      { status: acquired.isNew ? 201 : 200 },
    );
  },
  { sessionCheck: "in-statement" },
);
